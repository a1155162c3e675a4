import { type ChildProcess, spawn } from 'node:child_process';
import { accepts } from './ports';

export type RedisServer = {
  port: number;
  url: string;
  /** Ends the server (its data goes with it: nothing is saved). */
  stop: () => Promise<void>;
  /** Freezes the process (SIGSTOP): connections stay open but nothing answers, like a hung host. */
  pause: () => void;
  resume: () => void;
};

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));

/**
 * A throwaway redis-server of the test's own on 127.0.0.1:`port` (Debian's redis-server, on
 * every machine of ours), keeping nothing on disk. Resolves once it accepts connections.
 */
export async function startRedisServer(port: number): Promise<RedisServer> {
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--loglevel',
      'warning',
    ],
    { stdio: 'ignore' },
  );
  const failed = new Promise<never>((_, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server on ${port} exited (${code})`)));
  });
  const deadline = Date.now() + 10_000;
  for (;;) {
    const isUp = await Promise.race([accepts('127.0.0.1', port, 500), failed]);
    if (isUp) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`redis-server on ${port} did not start`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  failed.catch(() => {});
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGCONT');
      child.kill('SIGKILL');
      await exited(child);
    },
    pause: () => child.kill('SIGSTOP'),
    resume: () => child.kill('SIGCONT'),
  };
}
