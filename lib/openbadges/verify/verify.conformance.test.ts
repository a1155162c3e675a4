import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { log } from '@/lib/log';
import {
  type FixtureServer,
  ob20Fixture,
  serveAtId,
  startFixtureServer,
} from './test-support/ob20-server.conformance-support';
import type { VerificationReport, VerifyInput } from './types';
import { verifyBadge } from './verify';

const now = new Date('2024-06-01T00:00:00Z');
const ASSERTION_ID = 'https://example.org/beths-robotics-badge.json';
const fixtureText = (file: string) => readFileSync(ob20Fixture(file), 'utf8');
const basicAssertion = () => JSON.parse(fixtureText('basic-assertion.json')) as Record<string, unknown>;

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.routes.clear();
  server.requested.length = 0;
  serveAtId(server, 'basic-assertion.json');
});

const verify = (input: VerifyInput) => verifyBadge(input, { fetch: server.fetch, now });
const checkOf = (report: VerificationReport, id: string) => report.checks.find((check) => check.id === id);

describe('input that is not a badge', () => {
  it('reports an unreachable host as could not check, naming the host, never as invalid', async () => {
    const report = await verify({ kind: 'url', url: 'https://unknown.test/badge.json' });
    expect(report.verdict).toBe('unknown');
    expect(report.unreachable).toEqual(['unknown.test']);
    expect(checkOf(report, 'fetched')).toMatchObject({
      status: 'unknown',
      detail: expect.stringContaining('could not be reached'),
    });
  });

  it('reports a host answering 503 as could not check, but a 404 as not verified', async () => {
    server.routes.set(ASSERTION_ID, { status: 503, body: 'down for maintenance' });
    const down = await verify({ kind: 'url', url: ASSERTION_ID });
    expect(down.verdict).toBe('unknown');
    expect(down.unreachable).toEqual(['example.org']);
    expect(checkOf(down, 'fetched')?.detail).toContain('HTTP 503');
    server.routes.set(ASSERTION_ID, { status: 404, body: 'gone' });
    const missing = await verify({ kind: 'url', url: ASSERTION_ID });
    expect(missing.verdict).toBe('invalid');
    expect(missing.unreachable).toBeUndefined();
  });

  it('says what is wrong with broken JSON text, a JSON array and a CV', async () => {
    const broken = await verify({ kind: 'json', text: '{ "type": "Assertion", ' });
    expect(checkOf(broken, 'input')).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('nor valid JSON'),
    });
    const array = await verify({ kind: 'json', text: '[1, 2]' });
    expect(checkOf(array, 'input')?.detail).toContain('not a JSON object');
    const cv = await verify({ kind: 'json', text: '{"name": "Beth", "skills": ["robots"]}' });
    expect(cv.verdict).toBe('invalid');
    expect(checkOf(cv, 'context')?.detail).toContain('no @context');
  });

  it('refuses a web page, a missing page and a file that is not an image', async () => {
    const html = '<!doctype html><title>Beth</title><p>My badges</p>';
    server.routes.set('https://example.org/beth', { body: html, contentType: 'text/html' });
    const page = await verify({ kind: 'url', url: 'https://example.org/beth' });
    expect(checkOf(page, 'fetched')?.detail).toContain('is a web page');
    const missing = await verify({ kind: 'url', url: 'https://example.org/no-such-badge.json' });
    expect(checkOf(missing, 'fetched')?.detail).toContain('HTTP 404 (not found)');
    const text = await verify({
      kind: 'file',
      bytes: new TextEncoder().encode('hello'),
      filename: 'badge.png',
    });
    expect(checkOf(text, 'input')).toMatchObject({
      status: 'fail',
      detail: 'This file is not a PNG or SVG image',
    });
  });

  it('turns an unexpected error into a failed check instead of throwing', async () => {
    vi.spyOn(log, 'error').mockImplementation(() => {});
    const report = await verifyBadge(
      { kind: 'url', url: ASSERTION_ID },
      { fetch: () => Promise.reject(new TypeError('socket exploded')), now },
    );
    expect(report.verdict).toBe('invalid');
    expect(checkOf(report, 'error')?.detail).toContain('socket exploded');
  });
});

describe('hosted badges', () => {
  it('trusts only the issuer copy, never the pasted JSON', async () => {
    const forged = { ...basicAssertion(), issuedOn: '2100-01-01T00:00:00Z', expires: '2101-01-01T00:00:00Z' };
    const report = await verify({ kind: 'json', text: JSON.stringify(forged) });
    expect(report.verdict).toBe('valid');
    expect(report.badge?.issuedOn).toBe('2016-12-31T23:59:59Z');
    expect(server.requested[0]).toBe(ASSERTION_ID);
  });

  it('reports a badge its issuer revoked with 410 Gone, and why', async () => {
    const body = JSON.stringify({
      '@context': 'https://w3id.org/openbadges/v2',
      id: ASSERTION_ID,
      revoked: true,
      revocationReason: 'Awarded by mistake',
    });
    server.routes.set(ASSERTION_ID, { status: 410, body });
    const report = await verify({ kind: 'url', url: ASSERTION_ID });
    expect(report.verdict).toBe('invalid');
    expect(checkOf(report, 'revoked')).toMatchObject({ status: 'fail', label: 'Revoked by the issuer' });
    expect(checkOf(report, 'revoked')?.detail).toContain('Awarded by mistake');
    expect(report.badge?.revocationReason).toBe('Awarded by mistake');
  });

  it('reports a badge whose hosted copy says revoked: true', async () => {
    server.routes.set(ASSERTION_ID, { body: JSON.stringify({ id: ASSERTION_ID, revoked: true }) });
    const report = await verify({ kind: 'url', url: ASSERTION_ID });
    expect(checkOf(report, 'revoked')?.status).toBe('fail');
  });

  it('fetches the badge from its own id when given another address for it', async () => {
    server.routes.set('https://example.org/share/beth', {
      file: ob20Fixture('basic-assertion.json'),
    });
    const report = await verify({ kind: 'url', url: 'https://example.org/share/beth' });
    expect(report.verdict).toBe('valid');
    expect(server.requested.slice(0, 2)).toEqual(['https://example.org/share/beth', ASSERTION_ID]);
  });

  it('warns when the badge address redirects elsewhere', async () => {
    server.routes.set(ASSERTION_ID, { redirect: 'https://www.example.org/moved/badge.json' });
    server.routes.set('https://www.example.org/moved/badge.json', {
      file: ob20Fixture('basic-assertion.json'),
    });
    const report = await verify({ kind: 'url', url: ASSERTION_ID });
    expect(report.verdict).toBe('warning');
    expect(checkOf(report, 'redirected')?.detail).toContain('https://www.example.org/moved/badge.json');
  });

  it('fails an issuer profile that claims to live on another website', async () => {
    const profile = JSON.parse(readFileSync(ob20Fixture('assets/organization.json'), 'utf8'));
    server.routes.set('https://example.org/organization.json', {
      body: JSON.stringify({ ...profile, id: 'https://university.example.net/issuer' }),
    });
    const report = await verify({ kind: 'url', url: ASSERTION_ID });
    expect(checkOf(report, 'issuer')).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('claims to be https://university.example.net/issuer'),
    });
  });
});

describe('baked images', () => {
  const svgWith = (assertion: Record<string, unknown>) =>
    new TextEncoder().encode(
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org" width="8" height="8"><openbadges:assertion verify="${ASSERTION_ID}"><![CDATA[${JSON.stringify(assertion)}]]></openbadges:assertion><rect width="8" height="8"/></svg>`,
    );

  it('accepts an image holding the issuer copy', async () => {
    const report = await verify({ kind: 'file', bytes: svgWith(basicAssertion()), filename: 'badge.svg' });
    expect(report.verdict).toBe('valid');
    expect(checkOf(report, 'baked-match')).toMatchObject({
      status: 'pass',
      label: "The image matches the issuer's copy",
    });
  });

  it('fails an image whose badge names another recipient than the issuer copy', async () => {
    const recipient = { type: 'email', hashed: false, identity: 'mallory@example.org' };
    const report = await verify({
      kind: 'file',
      bytes: svgWith({ ...basicAssertion(), recipient }),
      filename: 'badge.svg',
    });
    expect(report.verdict).toBe('invalid');
    expect(checkOf(report, 'baked-match')).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('the recipient'),
    });
  });
});

describe('signed badges', () => {
  it('fails a signed badge whose content was changed after signing', async () => {
    const [header, payload, signature] = fixtureText('simple.jwt').trim().split('.');
    const assertion = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...assertion, issuedOn: '2015-01-01T00:00:00Z' })).toString(
      'base64url',
    );
    const report = await verify({ kind: 'json', text: `${header}.${forged}.${signature}` });
    expect(checkOf(report, 'signature')).toMatchObject({
      status: 'fail',
      label: 'The signature does not match',
    });
  });

  it('fails a signed badge whose key the issuer does not list', async () => {
    server.routes.set('https://example.org/organization.json', {
      file: ob20Fixture('assets/organization-no-public-key.json'),
    });
    const report = await verify({ kind: 'json', text: fixtureText('simple.jwt') });
    expect(checkOf(report, 'signature')?.detail).toContain('does not list');
    expect(server.requested).not.toContain('http://example.org/key1.json');
  });
});
