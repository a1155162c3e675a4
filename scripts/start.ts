/**
 * `npm start`: checks the configuration with the server's own code, and only then runs
 * `next start` on HOST and PORT. A bad configuration is a list of lines and exit 1, before
 * anything listens. Arguments after `--` go to `next start`.
 */
import { configOrExit, NEXT_CLI, runNode } from './launch/foreground';

const config = configOrExit();
// Captured mail (password resets among it) is readable at /dev/mailbox: this machine only,
// unless HOST says otherwise.
const host = process.env.HOST?.trim() || (config.isDemoMode ? '127.0.0.1' : undefined);
const args = [
  NEXT_CLI,
  'start',
  '-p',
  String(config.port),
  ...(host ? ['-H', host] : []),
  ...process.argv.slice(2),
];
process.exitCode = await runNode(args, { env: process.env });
