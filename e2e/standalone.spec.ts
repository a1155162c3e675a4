/**
 * The standalone server every build writes (`.next/standalone`), laid out as the Dockerfile's
 * `web` image lays it out, run as the image runs it (`node server.js`): it starts, migrates its
 * database, serves pages, static files, images and the API, reports ready, and stops on SIGTERM.
 * The image itself is built in CI only where a Docker engine and registry are reachable.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const distDir = process.env.NEXT_DIST_DIR || '.next';
const standalone = path.join(distDir, 'standalone');
// After the cluster specs' blocks (e2e/support/cluster.ts: base+30…59); not +60/+61, which
// fetch refuses with some bases (5060 and 5061 are on its list of blocked ports).
const port = Number(process.env.E2E_PORT_BASE ?? 3100) + 80;
const url = `http://127.0.0.1:${port}`;
let server: ChildProcess | undefined;
let output = '';
let dataDir: string;

/** A path of the Dockerfile's build stage (/app/...) as it is here, with this build's dist folder. */
const local = (imagePath: string) =>
  imagePath.replace(/^(\/app\/|\.\/)/, '').replace(/^\.next(?=\/|$)/, distDir);

/** Its sources: a `dir/*.ext` pattern names the matching files of that folder. */
function expand(source: string): string[] {
  const star = source.match(/^(.*)\/\*(\.[a-z]+)$/);
  if (!star?.[1]) return [source];
  const dir = star[1];
  return readdirSync(dir)
    .filter((name) => name.endsWith(star[2] ?? ''))
    .map((name) => path.join(dir, name));
}

/**
 * The `web` stage's `COPY --from=build` lines of the Dockerfile itself, applied to the build's
 * standalone folder (the first line is that folder), so a file the image leaves out fails here.
 */
function layOutAsTheImage() {
  const stage = readFileSync('Dockerfile', 'utf8')
    .split(/^FROM /m)
    .find((text) => /^\S+ AS web\b/.test(text));
  const copies = (stage ?? '').split('\n').filter((line) => line.startsWith('COPY --from=build'));
  expect(copies.length, 'the Dockerfile has a web stage that copies from the build').toBeGreaterThan(2);
  for (const line of copies) {
    const words = line.split(/\s+/).filter((word) => word !== 'COPY' && !word.startsWith('--'));
    const to = words.pop() ?? '';
    for (const source of words.flatMap((word) => expand(local(word)))) {
      if (path.resolve(source) === path.resolve(standalone)) continue;
      const target = path.join(standalone, local(to), to.endsWith('/') ? path.basename(source) : '');
      cpSync(source, target, { recursive: true });
    }
  }
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  expect(existsSync(path.join(standalone, 'server.js')), 'the build wrote no standalone server').toBe(true);
  layOutAsTheImage();
  dataDir = mkdtempSync(path.join(tmpdir(), 'laurel-standalone-'));
  server = spawn(process.execPath, ['server.js'], {
    cwd: standalone,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      HOSTNAME: '127.0.0.1',
      PORT: String(port),
      LAUREL_MODE: 'demo',
      DATA_DIR: dataDir,
      APP_URL: url,
      AUTH_SECRET: 'standalone-secret-standalone-secret-standalone',
      // A fresh embedded database: the image itself runs on PostgreSQL, the code path is the same.
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server.js exited (${server.exitCode}):\n${output}`);
    const status = await fetch(`${url}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    if (Date.now() > deadline) throw new Error(`server.js did not answer on ${url} within 90 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
});

test.afterAll(async () => {
  if (server && server.exitCode === null) server.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

test('serves pages, their static files, the API and readiness, then stops cleanly on SIGTERM', async ({
  page,
}) => {
  const ready = await fetch(`${url}/api/ready`);
  expect(ready.status, output).toBe(200);
  expect(await ready.json()).toMatchObject({ status: 'ready' });

  await page.goto(`${url}/verify`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The page's own CSS and scripts came from .next/static (copied beside server.js, as in the image).
  const styles = await page.evaluate(() =>
    [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => (l as HTMLLinkElement).href),
  );
  expect(styles.length).toBeGreaterThan(0);
  for (const href of styles) expect((await fetch(href)).status).toBe(200);
  expect((await fetch(`${url}/icon.svg`)).status).toBe(200);
  expect((await fetch(`${url}/icons/icon-192.png`)).status).toBe(200);
  // A machine endpoint: the issuer API answers problem+json without a key.
  const api = await fetch(`${url}/api/v1/awards`, { method: 'POST' });
  expect(api.status).toBe(401);
  expect(api.headers.get('content-type')).toContain('application/problem+json');

  const exited = new Promise<number | null>((resolve) => server?.once('exit', resolve));
  server?.kill('SIGTERM');
  expect(await exited).toBe(0);
});
