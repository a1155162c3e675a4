import { once } from 'node:events';
import http from 'node:http';
import { expect, test } from '@playwright/test';
import { E2E } from './support/env';
import { bearer, fixtures } from './support/helpers';
import { learnerWithBadge } from './support/learner';

const MB = 1024 * 1024;

/**
 * Streams up to `total` bytes as a chunked body (no Content-Length) and stops as soon as the
 * server answers. Returns the answer and how much had been sent by then.
 */
async function chunkedUpload(path: string, total: number, headers: Record<string, string> = {}) {
  const upload = http.request(`${E2E.main.url}${path}`, { method: 'POST', headers });
  upload.on('error', () => {}); // the server may close the socket once it has answered
  const answered = once(upload, 'response') as Promise<[http.IncomingMessage]>;
  let isAnswered = false;
  void answered.then(() => {
    isAnswered = true;
  });
  const chunk = Buffer.alloc(256 * 1024, 'a');
  let sent = 0;
  while (!isAnswered && sent < total) {
    sent += chunk.length;
    if (!upload.write(chunk)) await Promise.race([once(upload, 'drain'), answered]);
  }
  if (!isAnswered) upload.end();
  const [response] = await answered;
  let body = '';
  for await (const part of response) body += part;
  upload.destroy();
  return { status: response.statusCode, type: response.headers['content-type'], body, sent };
}

test('oversized bodies are 413 problem+json, a chunked one long before it has all arrived', async ({
  page,
  request,
}) => {
  const { awardId } = await learnerWithBadge(page, request);
  const events = `/badges/${awardId}/events`;
  expect((await request.post(events, { data: { event: 'view' } })).status()).toBe(204);

  const declared = await request.post(events, {
    headers: { 'content-type': 'application/json' },
    data: JSON.stringify({ event: 'view', pad: 'a'.repeat(100 * 1024) }),
  });
  expect(declared.status()).toBe(413);
  expect(declared.headers()['content-type']).toBe('application/problem+json');
  expect((await declared.json()).detail).toContain('64 KB');

  const chunked = await chunkedUpload(events, 50 * MB, { 'content-type': 'application/json' });
  expect(chunked.status).toBe(413);
  expect(chunked.type).toBe('application/problem+json');
  expect(chunked.sent).toBeLessThan(20 * MB);

  const api = await request.post('/api/v1/awards', {
    headers: { ...bearer(fixtures().labs.apiKey), 'content-type': 'application/json' },
    data: JSON.stringify({ pad: 'a'.repeat(2 * MB) }),
  });
  expect(api.status()).toBe(413);
  expect(api.headers()['content-type']).toBe('application/problem+json');
  const apiChunked = await chunkedUpload('/api/v1/awards', 50 * MB, {
    ...bearer(fixtures().labs.apiKey),
    'content-type': 'application/json',
  });
  expect(apiChunked.status).toBe(413);
  expect(apiChunked.sent).toBeLessThan(20 * MB);
});

test("Auth.js's own endpoints refuse an oversized form and still take a normal one", async ({ request }) => {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const form = (extra: Record<string, string> = {}) => ({ csrfToken, callbackUrl: '/', ...extra });
  const oversized = await request.post('/api/auth/signout', {
    form: form({ pad: 'a'.repeat(100 * 1024) }),
    maxRedirects: 0,
  });
  expect(oversized.status()).toBe(413);
  expect(oversized.headers()['content-type']).toBe('application/problem+json');
  const signOut = await request.post('/api/auth/signout', { form: form(), maxRedirects: 0 });
  expect(signOut.status()).toBe(302);
});

test('a server action over its 6 MB limit is 413, not a 500', async ({ page, request }) => {
  // The id of a real action (/verify's), so an old server would run Next's own check.
  await page.goto('/verify');
  await page.locator('#verify-json').fill('{}');
  const sent = page.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
  await page.getByRole('button', { name: 'Verify' }).click();
  const actionId = (await sent).headers()['next-action'] ?? '';

  const declared = await request.post('/verify', {
    headers: { 'next-action': actionId, 'content-type': 'text/plain;charset=UTF-8' },
    data: Buffer.alloc(7 * MB, 'a'),
  });
  expect(declared.status()).toBe(413);
  expect(declared.headers()['content-type']).toBe('application/problem+json');
  const chunked = await chunkedUpload('/verify', 50 * MB, {
    'next-action': actionId,
    'content-type': 'text/plain;charset=UTF-8',
  });
  expect(chunked.status).toBe(413);
});
