/**
 * `npm run demo`: the app with demo data on this machine. Refuses a second demo before touching
 * the build; then `next build` (skipped with --no-build or LAUREL_DEMO_SKIP_BUILD=1), the seed,
 * and `next start` on HOST (default 127.0.0.1) and PORT (default 3000), APP_URL following PORT.
 */
import { isPortTaken, lockDemo } from './launch/demo-lock';
import { configOrExit, NEXT_CLI, runNode, TSX_CLI, waitUntilServing } from './launch/foreground';

const mode = process.env.LAUREL_MODE?.trim();
if (mode && mode !== 'demo') {
  console.error(
    `LAUREL_MODE=${mode}: npm run demo only runs the demo. Unset LAUREL_MODE, or use npm start for production.`,
  );
  process.exit(1);
}
process.env.LAUREL_MODE = 'demo';
// A JSON line per request is for an operator's log collector, not a demo's terminal (LOG_LEVEL=info shows them).
process.env.LOG_LEVEL ??= 'warn';
const config = configOrExit();
const host = process.env.HOST?.trim() || '127.0.0.1';
const url = `http://localhost:${config.port}`;

const lock = lockDemo(config.dataDir, config.port);
if ('holder' in lock) {
  console.error(
    `A Laurel demo is already running at http://localhost:${lock.holder.port} (pid ${lock.holder.pid}). ` +
      'Stop it (Ctrl-C in its terminal) or set PORT and DATA_DIR for a second one.',
  );
  process.exit(1);
}
if (await isPortTaken(host, config.port)) {
  console.error(
    `Port ${config.port} on ${host} is already in use (another Laurel demo, or another program). ` +
      'Stop it, or set PORT (and DATA_DIR for a second demo).',
  );
  process.exit(1);
}
// Ctrl-C reaches whichever child runs (build, seed, server); this ends with it and frees the lock.
const finish = (code: number) => {
  lock.release();
  process.exit(code);
};

const skipBuild = process.argv.includes('--no-build') || process.env.LAUREL_DEMO_SKIP_BUILD === '1';
if (!skipBuild) {
  const built = await runNode([NEXT_CLI, 'build'], { env: process.env });
  if (built !== 0) finish(built);
}

// The seed prints the demo API key as its last line; only its hash is kept, so repeat it below.
let lastLine = '';
const seeded = await runNode([TSX_CLI, '--tsconfig', 'tsconfig.scripts.json', 'scripts/seed.ts'], {
  env: process.env,
  onLine: (line) => {
    if (line.trim()) lastLine = line.trim();
  },
});
if (seeded !== 0) finish(seeded);

let isGone = false;
const server = runNode([NEXT_CLI, 'start', '-H', host, '-p', String(config.port)], { env: process.env }).then(
  (code) => {
    isGone = true;
    return code;
  },
);
const probeHost = host.includes(':') ? `[${host}]` : host;
if (await waitUntilServing(`http://${probeHost}:${config.port}/api/mode`, () => isGone)) {
  console.log(
    [
      '',
      `Laurel demo: open ${url} (listening on ${host}; Ctrl-C stops it).`,
      config.isDemoMode
        ? `Mail is not sent: read it at ${url}/dev/mailbox.`
        : 'Mail is sent through Resend (RESEND_API_KEY is set).',
      `Demo API key (a new one at each start): ${lastLine}`,
      '',
    ].join('\n'),
  );
}
finish(await server);
