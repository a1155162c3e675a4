import { type ChildProcess, spawn } from 'node:child_process';
import postgres from 'postgres';

/**
 * A fresh PostgreSQL database for tests whose processes must share one (a PGlite directory has a
 * single owner): on the server DATABASE_URL names, else the local one at 127.0.0.1:5432.
 */
export async function freshPostgres(label: string) {
  const server = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `laurel_${label}_${process.pid}_${Date.now().toString(36)}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  return {
    url: server.replace(/\/[^/]*$/, `/${name}`),
    drop: async () => {
      const cleanup = postgres(server, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** `npm run worker` as its own process, resolved once it says it is taking jobs. */
export function startWorkerProcess(env: Record<string, string>): Promise<ChildProcess> {
  // One process (tsx as a loader, not its CLI, which would run the script in a grandchild).
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
    env: { ...process.env, ...env, TSX_TSCONFIG_PATH: 'tsconfig.scripts.json' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('worker taking email')) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      // What a worker complains about is part of the test's story.
      process.stderr.write(chunk);
    });
    child.once('exit', (code) =>
      reject(new Error(`the worker exited (${code}) before starting:\n${output}`)),
    );
  });
}

/** SIGKILL, as a crash or an OOM kill would: nothing is cleaned up. */
export async function kill(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

export async function until<T>(
  check: () => Promise<T | null | false>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
