import { expect, test } from '@playwright/test';
import { E2E } from './support/env';

type Report = { verdict: string; checks: { id: string; status: string }[]; badge?: { name?: string } };
type Problem = { status: number; detail: string; errors?: { field: string }[] };

// The public verifier under `next start`. Every verification counts against the per-client limit
// that /verify shares, so this journey verifies twice; Vitest (lib/api/public-verify.test.ts)
// covers the limit itself, files and the other refusals.

test('POST /api/v1/verify answers the report for a URL and pasted JSON, open to any origin', async ({
  request,
}) => {
  const byUrl = await request.post('/api/v1/verify', { data: { url: `${E2E.remoteUrl}/assertion.json` } });
  expect(byUrl.status()).toBe(200);
  expect(byUrl.headers()['access-control-allow-origin']).toBe('*');
  expect(byUrl.headers()['content-security-policy']).toContain("default-src 'none'");
  const report = (await byUrl.json()) as Report;
  expect(report.verdict).toBe('valid');
  expect(report.badge?.name).toBe('Robot Wrangler');

  const assertion = await (await request.get(`${E2E.remoteUrl}/assertion.json`)).json();
  const pasted = await request.post('/api/v1/verify', { data: { json: assertion } });
  expect(((await pasted.json()) as Report).verdict).toBe('valid');
});

test('POST /api/v1/verify refuses bad and oversized bodies as problem+json, and answers the preflight', async ({
  request,
}) => {
  const bad = await request.post('/api/v1/verify', { data: { url: 'ftp://badges.example/1' } });
  expect(bad.status()).toBe(400);
  expect(bad.headers()['content-type']).toBe('application/problem+json');
  expect(((await bad.json()) as Problem).errors?.map((e) => e.field)).toEqual(['url']);

  const big = await request.post('/api/v1/verify', { data: { json: 'x'.repeat(2 * 1024 * 1024) } });
  expect(big.status()).toBe(413);

  const preflight = await request.fetch('/api/v1/verify', {
    method: 'OPTIONS',
    headers: { Origin: 'https://wallet.example', 'Access-Control-Request-Method': 'POST' },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()['access-control-allow-origin']).toBe('*');

  const openapi = await (await request.get('/api/v1/openapi.json')).json();
  expect(openapi.paths['/verify'].post.security).toEqual([]);
});

test('a status list address that names no list is a 404 problem document', async ({ request }) => {
  const response = await request.get('/ob/v3/status/nobody/00000000-0000-4000-8000-000000000000');
  expect(response.status()).toBe(404);
  expect(response.headers()['content-type']).toBe('application/problem+json');
  expect(response.headers()['access-control-allow-origin']).toBe('*');
});
