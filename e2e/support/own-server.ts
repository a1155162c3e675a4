import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { E2E } from './env';

export type LogLine = Record<string, unknown> & { msg?: string; requestId?: string };

export type OwnServer = {
  child: ChildProcess;
  port: number;
  url: string;
  /** Everything it printed so far, stdout and stderr. */
  output: () => string;
  /** Its JSON log lines so far. */
  logLines: () => LogLine[];
  exited: Promise<number | null>;
};

/**
 * A `next start` of the suite's build on a port of its own (E2E_PORT_BASE + 20 + n), for tests
 * that read its output or stop it: `npm start` (the launcher) or `next start` run directly.
 * Demo mode on the run's database (or a fresh embedded one), mail captured.
 */
export async function startOwnServer({
  n,
  env = {},
  how = 'next start',
}: {
  n: number;
  env?: Record<string, string>;
  how?: 'npm start' | 'next start';
}): Promise<OwnServer> {
  const port = E2E.main.port + 20 + n;
  const url = `http://localhost:${port}`;
  const dataDir = path.join(E2E.launchRoot, `own-${randomUUID()}`);
  mkdirSync(dataDir, { recursive: true });
  const fullEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    LAUREL_MODE: 'demo',
    AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
    APP_URL: url,
    PORT: String(port),
    DATA_DIR: dataDir,
    RESEND_API_KEY: '',
    DATABASE_URL: process.env.DATABASE_URL ?? '',
    OUTBOUND_ALLOW_HOSTS: 'localhost',
    VERIFY_RATE_LIMIT_PER_10_MINUTES: '1000',
    LOG_LEVEL: 'info',
    // It shares the suite's database: an inline worker here would take other tests' email jobs
    // and keep their mail in its own demo mailbox (or hold the jobs when stopped mid-run).
    WORKERS: 'off',
    ...env,
  };
  const [command, args] =
    how === 'npm start'
      ? ['npm', ['start', '--silent']]
      : [process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port)]];
  // Its own process group, so a failed test can stop npm, the launcher and next start together.
  const child = spawn(command, args, { env: fullEnv, detached: true });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const logLines = () =>
    output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as LogLine];
        } catch {
          return [];
        }
      });
  await expect
    .poll(
      async () => {
        if (child.exitCode !== null) return `exited ${child.exitCode}: ${output}`;
        return fetch(`${url}/api/health`).then(
          (r) => r.status,
          () => 0,
        );
      },
      { timeout: 120_000, message: `the server on ${port} did not come up` },
    )
    .toBe(200);
  return { child, port, url, output: () => output, logLines, exited };
}

/** Stops a server that a test left running (a failed assertion before its own SIGTERM). */
export async function stopOwnServer(server: OwnServer | undefined) {
  if (!server?.child.pid) return;
  try {
    process.kill(-server.child.pid, 'SIGKILL');
  } catch {
    // Already gone, with everything it started.
  }
  await server.exited;
}
