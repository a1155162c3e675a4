import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { accepts, freePort } from '../test/ports';
import { E2E } from './support/env';
import { bearer, uniqueEmail } from './support/helpers';

/** Whether this machine can listen on `host` at all (IPv6 may be switched off in a container). */
function canListenOn(host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(0, host, () => server.close(() => resolve(true)));
  });
}

/**
 * Addresses a server listening on every interface would answer on, and one bound to 127.0.0.1
 * would not: the machine's own non-loopback addresses and, when IPv6 works, ::1.
 */
async function otherAddresses(): Promise<string[]> {
  const own = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && !a.internal && !a.address.startsWith('fe80'))
    .map((a) => a?.address as string);
  return [...own, ...((await canListenOn('::1')) ? ['::1'] : [])];
}

type Launcher = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** `npm run demo`'s launcher (tsx as a loader, so its pid is the one in the lock), reusing the suite's build. */
function launch(env: Record<string, string>): Launcher {
  const clean = { ...process.env };
  for (const key of ['DATABASE_URL', 'RESEND_API_KEY', 'APP_URL', 'LAUREL_MODE', 'HOST', 'AUTH_SECRET']) {
    delete clean[key];
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], {
    env: { ...clean, NEXT_TELEMETRY_DISABLED: '1', LAUREL_DEMO_SKIP_BUILD: '1', ...env },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

test('npm run demo: loopback only, links on its PORT, and a second one refuses', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const port = await freePort();
  const dataDir = path.join(E2E.launchRoot, randomUUID());
  mkdirSync(dataDir, { recursive: true });
  const env = { PORT: String(port), DATA_DIR: dataDir };
  const url = `http://localhost:${port}`;
  const first = launch(env);
  try {
    await expect
      .poll(first.output, { timeout: 180_000, message: 'the demo did not say it is ready' })
      .toContain(`Laurel demo: open ${url}`);

    // Only this machine can reach it: its mailbox holds password-reset links.
    expect(await accepts('127.0.0.1', port)).toBe(true);
    const others = await otherAddresses();
    expect(others.length).toBeGreaterThan(0);
    for (const address of others) expect(await accepts(address, port), address).toBe(false);

    // The key the seed printed awards a badge whose links carry this port, not 3000.
    // The seed's last line is the key, and the launcher repeats exactly that line once the server is up.
    const key = /Demo API key \(a new one at each start\): (\S+)/.exec(first.output())?.[1] ?? '';
    expect(key).toMatch(/^lrl_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{43}$/);
    const templates = await request.get(`${url}/api/v1/templates`, { headers: bearer(key) });
    expect(templates.status()).toBe(200);
    const templateId = ((await templates.json()) as { data: { id: string }[] }).data[0]?.id;
    const email = uniqueEmail('launch');
    const award = await request.post(`${url}/api/v1/awards`, {
      headers: { ...bearer(key), 'Idempotency-Key': randomUUID() },
      data: { templateId, recipient: { email, name: 'Port Checker' } },
    });
    expect(award.status()).toBe(201);
    expect(((await award.json()) as { publicUrl: string }).publicUrl).toMatch(new RegExp(`^${url}/badges/`));
    await page.goto(`${url}/dev/mailbox`);
    await expect(page.getByText('Demo mode — emails are not sent.')).toBeVisible();
    await page.getByRole('link', { name: new RegExp(email) }).click();
    await page.getByText('Plain-text version').click();
    await expect(page.getByText(new RegExp(`${url}/claim/`))).toBeVisible();

    // A second demo on the same DATA_DIR and PORT refuses at once and leaves the first serving.
    const second = launch(env);
    const began = Date.now();
    expect(await second.exited).toBe(1);
    expect(Date.now() - began).toBeLessThan(15_000);
    expect(second.output()).toContain(
      `A Laurel demo is already running at ${url} (pid ${first.child.pid}). ` +
        'Stop it (Ctrl-C in its terminal) or set PORT and DATA_DIR for a second one.',
    );
    expect((await request.get(`${url}/help`)).status()).toBe(200);
  } finally {
    first.child.kill('SIGTERM');
    await first.exited;
  }
  // Stopping it frees the lock, so the next demo starts.
  expect(existsSync(path.join(dataDir, 'demo.pid'))).toBe(false);
});
