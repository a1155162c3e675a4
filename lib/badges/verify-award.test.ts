import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAnyBadge } from './verify-award';

// Two local servers on one host: APP_URL's own origin and a neighbour on another port.
let app: Server;
let neighbour: Server;
let appUrl = '';
let neighbourUrl = '';
const neighbourHits: string[] = [];

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  delete process.env.OUTBOUND_ALLOW_HOSTS;
  neighbour = createServer((request, response) => {
    neighbourHits.push(request.url ?? '/');
    response.writeHead(200, { 'Content-Type': 'application/ld+json' }).end('{"type":"Assertion"}');
  });
  neighbourUrl = await listen(neighbour);
  app = createServer((request, response) => {
    const to: Record<string, string> = {
      '/to-neighbour': `${neighbourUrl}/assertion`,
      '/to-metadata': 'http://169.254.169.254/latest/meta-data/',
    };
    const location = to[request.url ?? ''];
    if (location) response.writeHead(302, { Location: location }).end();
    else response.writeHead(404, { 'Content-Type': 'application/json' }).end('{}');
  });
  appUrl = await listen(app);
});

afterAll(async () => {
  for (const server of [app, neighbour]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function fetchedCheck(url: string) {
  const report = await verifyAnyBadge({ kind: 'url', url }, { appUrl });
  return report.checks.find((check) => check.id === 'fetched');
}

describe("trusting exactly APP_URL's origin", () => {
  it("fetches from APP_URL's own origin even though it is local", async () => {
    const check = await fetchedCheck(`${appUrl}/missing`);
    expect(check?.detail).toContain('HTTP 404');
  });

  it('refuses the same host on another port, like any private address', async () => {
    const check = await fetchedCheck(`${neighbourUrl}/assertion`);
    expect(check?.status).toBe('fail');
    expect(check?.detail).toContain('private or local network address');
    expect(neighbourHits).toEqual([]);
  });

  it("refuses a redirect from APP_URL's origin to another port on the same host", async () => {
    const check = await fetchedCheck(`${appUrl}/to-neighbour`);
    expect(check?.status).toBe('fail');
    expect(check?.detail).toContain(`${neighbourUrl}/assertion (redirected from ${appUrl}/to-neighbour)`);
    expect(check?.detail).toContain('private or local network address');
    expect(neighbourHits).toEqual([]);
  });

  it("refuses a redirect from APP_URL's origin to a private address", async () => {
    const check = await fetchedCheck(`${appUrl}/to-metadata`);
    expect(check?.status).toBe('fail');
    expect(check?.detail).toContain('the address 169.254.169.254 is a private or local network address');
  });
});
