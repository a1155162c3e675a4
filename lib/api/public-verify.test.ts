import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import type { Award, BadgeTemplate, Issuer } from '@/db/schema';
import { bakePng } from '@/lib/openbadges/bake/png';
import { assertionDocument, badgeClassDocument, issuerDocument } from '@/lib/openbadges/ob2/documents';
import { makeAward, makeIssuer } from '@/test/factories';
import { publicVerifyPreflight, publicVerifyRoute } from './public-verify';

/*
 * POST /api/v1/verify over real HTTP: the route's handler on a local port, verifying a real
 * OB 2.0 hosted badge that a second local server hosts (standing in for the issuer's site).
 */

let host: Server;
let api: Server;
let hostUrl = '';
let apiUrl = '';
let award: Award;
let template: BadgeTemplate;
let issuer: Issuer;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  const db = await getDb();
  const issued = await makeIssuer(db);
  ({ issuer, template } = issued);
  award = (await makeAward(db, issued)).award;
  host = createServer((req, res) => {
    const documents: Record<string, unknown> = {
      [`/ob/v2/assertions/${award.id}`]: assertionDocument(award, hostUrl),
      [`/ob/v2/badges/${template.id}`]: badgeClassDocument(template, issuer, hostUrl),
      [`/ob/v2/issuers/${issuer.id}`]: issuerDocument(issuer, hostUrl),
    };
    const document = documents[req.url ?? ''];
    if (!document) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'application/ld+json' }).end(JSON.stringify(document));
  });
  hostUrl = await listen(host);
  // The issuer's site is the origin the fetcher trusts here, as APP_URL is for our own badges.
  const route = publicVerifyRoute({
    config: { appUrl: hostUrl, trustedProxyHops: 0, verifyRateLimit: undefined },
  });
  api = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === 'string') headers.set(name, value);
    const request = new Request(`${apiUrl}${req.url}`, {
      method: req.method,
      headers,
      body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
    });
    const response = req.method === 'OPTIONS' ? publicVerifyPreflight() : await route(request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  apiUrl = await listen(api);
});

afterAll(async () => {
  for (const server of [host, api]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** Each test is its own client, so rate-limit counts never leak between tests. */
const client = () => `203.0.113.7, 2001:db8::${randomBytes(6).toString('hex').match(/.{4}/g)?.join(':')}`;

async function post(body: BodyInit, contentType: string | null, from = client()) {
  const headers: Record<string, string> = { 'X-Forwarded-For': from };
  if (contentType) headers['Content-Type'] = contentType;
  return fetch(`${apiUrl}/api/v1/verify`, { method: 'POST', headers, body });
}

const postJson = (body: unknown, from?: string) => post(JSON.stringify(body), 'application/json', from);

type Report = { verdict: string; checks: { id: string; status: string }[]; badge?: { name?: string } };

describe('POST /api/v1/verify', () => {
  it('verifies a hosted badge by URL and answers the report, open to any origin', async () => {
    const response = await postJson({ url: `${hostUrl}/ob/v2/assertions/${award.id}` });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    const report = (await response.json()) as Report;
    expect(report.verdict).toBe('valid');
    expect(report.badge?.name).toBe(template.name);
    expect(report.checks.length).toBeGreaterThan(2);
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
  });

  it('verifies pasted JSON, as text or as an object', async () => {
    const document = assertionDocument(award, hostUrl);
    for (const json of [JSON.stringify(document), document]) {
      const response = await postJson({ json });
      expect(response.status).toBe(200);
      expect(((await response.json()) as Report).verdict).toBe('valid');
    }
  });

  it('verifies an uploaded baked PNG', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 4, background: '#0a0' } })
      .png()
      .toBuffer();
    const baked = bakePng(new Uint8Array(png), JSON.stringify(assertionDocument(award, hostUrl)));
    const form = new FormData();
    form.set('file', new Blob([Buffer.from(baked)], { type: 'image/png' }), 'badge.png');
    const response = await post(form, null);
    expect(response.status).toBe(200);
    const report = (await response.json()) as Report;
    expect(report.verdict).toBe('valid');
    expect(report.checks.map((c) => c.id)).toContain('baked-match');
  });

  it('says which field is wrong in a bad body (400 problem+json)', async () => {
    const cases: [unknown, string][] = [
      [{}, '(body)'],
      [{ url: 'ftp://badges.example/1' }, 'url'],
      [{ url: `${hostUrl}/a`, json: '{}' }, 'json'],
      [{ jwt: 'not a token' }, 'jwt'],
      [{ json: 42 }, 'json'],
      [{ url: `${hostUrl}/a`, extra: true }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const response = await postJson(body);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const problem = (await response.json()) as { errors: { field: string }[] };
      expect(problem.errors.map((e) => e.field)).toContain(field);
    }
    const notJson = await post('{"url": ', 'application/json');
    expect(notJson.status).toBe(400);
    const noFile = await post(new FormData(), null);
    expect(((await noFile.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('file');
    expect((await post('url=https://x', 'application/x-www-form-urlencoded')).status).toBe(415);
  });

  it('refuses an oversized body with 413, JSON or upload', async () => {
    const big = await postJson({ json: 'x'.repeat(1024 * 1024 + 8192) });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { detail: string }).detail).toMatch(/larger than/);
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(6 * 1024 * 1024)], { type: 'image/png' }), 'huge.png');
    expect((await post(form, null)).status).toBe(413);
  });

  it('limits each client, answering 429 with Retry-After past the limit', async () => {
    const from = client();
    const json = JSON.stringify({ type: 'Assertion' });
    for (let i = 0; i < 30; i++) expect((await postJson({ json }, from)).status).toBe(200);
    const limited = await postJson({ json }, from);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { detail: string }).detail).toMatch(/Too many verifications/);
    // Another client is not affected.
    expect((await postJson({ json })).status).toBe(200);
  });

  it('limits each client to VERIFY_RATE_LIMIT_PER_10_MINUTES when it is set', async () => {
    const route = publicVerifyRoute({
      config: { appUrl: hostUrl, trustedProxyHops: 0, verifyRateLimit: 35 },
    });
    const from = client();
    const request = () =>
      route(
        new Request(`${apiUrl}/api/v1/verify`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': from },
          body: JSON.stringify({ json: { type: 'Assertion' } }),
        }),
      );
    // Past the built-in 30, up to the configured 35.
    for (let i = 0; i < 35; i++) expect((await request()).status).toBe(200);
    expect((await request()).status).toBe(429);
  });

  it('answers the CORS preflight', async () => {
    const response = await fetch(`${apiUrl}/api/v1/verify`, { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  });
});
