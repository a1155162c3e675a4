/** What the benchmarks share: a throwaway PostgreSQL database, `next start`, and statistics. */
import { type ChildProcess, spawn } from 'node:child_process';
import postgres from 'postgres';

const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Creates a database for this run and points the app's environment at it; `drop` removes it.
 * Call before importing anything that reads the configuration.
 */
export async function benchDatabase(label: string) {
  const name = `laurel_bench_${label}_${process.pid}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  process.env.DATABASE_URL = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  process.env.AUTH_SECRET ??= 'bench-secret-bench-secret-bench-secret-123';
  // Mail is captured or sent to a fake provider; production mode would require a real one.
  process.env.LAUREL_MODE ??= 'demo';
  return {
    url: process.env.DATABASE_URL,
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

async function waitFor(url: string) {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

/**
 * `next start` from the existing production build, on the bench database; resolves when it
 * answers. `env` adds to or replaces the bench's environment (APP_URL defaults to its own address).
 */
export async function startServer(
  port: number,
  env: Record<string, string> = {},
): Promise<{ url: string; stop: () => Promise<void> }> {
  const url = `http://localhost:${port}`;
  const server: ChildProcess = spawn('node_modules/.bin/next', ['start', '-p', String(port)], {
    env: { ...process.env, APP_URL: url, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: 'ignore',
  });
  await waitFor(`${url}/robots.txt`);
  return {
    url,
    stop: async () => {
      server.kill();
      await new Promise((r) => setTimeout(r, 500));
    },
  };
}

/** The value below which `p` percent of `values` fall. */
export function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** Prints the result and whether the target was met; the exit code says it too. */
export function report(result: unknown, meets: boolean, target: string) {
  console.log(JSON.stringify(result, null, 2));
  console.log(meets ? `TARGET MET: ${target}` : `TARGET MISSED: ${target}`);
  process.exitCode = meets ? 0 : 1;
}

/** Runs a benchmark; an error fails it. */
export function runBench(main: () => Promise<void>) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
