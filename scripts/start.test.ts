import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { accepts, freePort } from '@/test/ports';

type Run = { code: number | null; output: string; wasPortOpen: boolean; ms: number };

/**
 * Runs `npm start`'s launcher with exactly `env` (plus PATH, DATA_DIR and a free PORT unless
 * given), probing the port every 100 ms until it exits, and once more after.
 */
async function start(env: Record<string, string | undefined>): Promise<Run> {
  const port = env.PORT && /^\d+$/.test(env.PORT) ? Number(env.PORT) : await freePort();
  const full = {
    PATH: process.env.PATH,
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'laurel-start-')),
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
    ...env,
  };
  const began = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: Object.fromEntries(Object.entries(full).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let isExited = false;
  void exited.then(() => {
    isExited = true;
  });
  let wasPortOpen = false;
  while (!isExited) {
    wasPortOpen ||= await accepts('127.0.0.1', port, 1_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const code = await exited;
  clearTimeout(killer);
  wasPortOpen ||= await accepts('127.0.0.1', port, 1_000);
  return { code, output, wasPortOpen, ms: Date.now() - began };
}

const production = {
  LAUREL_MODE: 'production',
  AUTH_SECRET: 'prod-secret-prod-secret-prod-secret-0123',
  APP_URL: 'https://badges.example.org',
  // Never connected to: the launcher refuses before anything opens the database.
  DATABASE_URL: 'postgres://laurel@127.0.0.1:1/laurel',
  RESEND_API_KEY: 're_live_key',
  EMAIL_FROM: 'Laurel <badges@example.org>',
  ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64url')}`,
};

/** The launcher refused: non-zero within seconds, the expected line, and nothing ever listened. */
function expectRefused(run: Run, line: RegExp) {
  expect(run.output).toMatch(line);
  expect(run.code).toBe(1);
  expect(run.ms).toBeLessThan(10_000);
  expect(run.wasPortOpen).toBe(false);
  expect(run.output).not.toMatch(/Next\.js|Ready in/);
}

describe('npm start refuses a bad configuration before listening', () => {
  it.each([
    ['AUTH_SECRET', /AUTH_SECRET: required in production — set it to a random string/],
    ['APP_URL', /APP_URL: required in production — set it to the public https:\/\/ address/],
    ['DATABASE_URL', /DATABASE_URL: required in production — set it to a postgres:\/\/ URL/],
    ['RESEND_API_KEY', /RESEND_API_KEY: required in production — set it to a Resend API key/],
    ['EMAIL_FROM', /EMAIL_FROM: required in production — set it to a sender/],
    ['ENCRYPTION_KEYS', /ENCRYPTION_KEYS: required in production — generate a key/],
  ])('production without %s', async (name, line) => {
    expectRefused(await start({ ...production, [name]: undefined }), line);
  });

  it.each([
    ['AUTH_SECRET', 'too-short', /AUTH_SECRET: must be at least 32 characters/],
    ['APP_URL', 'http://badges.example.org', /APP_URL: must be an https:\/\/ URL in production/],
    ['DATABASE_URL', 'mysql://db/laurel', /DATABASE_URL: must be a postgres/],
    ['EMAIL_FROM', 'badges at example.org', /EMAIL_FROM: must be an address such as/],
    ['ENCRYPTION_KEYS', 'k1:tooshort', /ENCRYPTION_KEYS: key "k1"/],
    ['LAUREL_MODE', 'staging', /LAUREL_MODE: must be "production" or "demo"/],
  ])('production with %s=%s', async (name, value, line) => {
    expectRefused(await start({ ...production, [name]: value }), line);
  });

  it('production with APP_URL on this machine at another port than PORT', async () => {
    const port = await freePort();
    const run = await start({ ...production, APP_URL: `http://localhost:${port + 1}`, PORT: String(port) });
    expectRefused(
      run,
      new RegExp(`is this machine on port ${port + 1}, but the server listens on PORT ${port}`),
    );
  });

  it.each([
    ['PORT', 'abc', /PORT: must be a port number/],
    ['APP_URL', 'localhost:3000', /APP_URL: must be an http\(s\) URL/],
    ['AUTH_SECRET', 'short', /AUTH_SECRET: must be at least 32 characters/],
  ])('demo with %s=%s', async (name, value, line) => {
    expectRefused(await start({ LAUREL_MODE: 'demo', [name]: value }), line);
  });

  it('a good configuration goes on to next start, whose exit code it returns', async () => {
    // No build in this directory: Next itself fails, after the launcher has accepted the configuration.
    const run = await start({ LAUREL_MODE: 'demo', NEXT_DIST_DIR: '.no-build-here' });
    expect(run.output).toMatch(/Could not find a production build in the '\.no-build-here' directory/);
    expect(run.output).not.toMatch(/Invalid configuration/);
    expect(run.code).toBe(1);
  });
});
