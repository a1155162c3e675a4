import { describe, expect, it } from 'vitest';
import {
  createRoutePatterns,
  NEXT_INTERNAL,
  NEXT_STATIC,
  PUBLIC_FILE,
  pathnameOf,
  UNMATCHED,
} from './route-pattern';

// The shape of a build's routes-manifest.json (a few of Laurel's routes, as `next build` writes them).
const manifest = {
  staticRoutes: [
    { page: '/', regex: '^/(?:/)?$' },
    { page: '/help', regex: '^/help(?:/)?$' },
    { page: '/api/v1/awards', regex: '^/api/v1/awards(?:/)?$' },
    { page: '/metrics', regex: '^/metrics(?:/)?$' },
  ],
  dynamicRoutes: [
    { page: '/api/v1/awards/[id]', regex: '^/api/v1/awards/([^/]+?)(?:/)?$' },
    { page: '/api/v1/awards/[id]/revoke', regex: '^/api/v1/awards/([^/]+?)/revoke(?:/)?$' },
    { page: '/badges/[awardId]', regex: '^/badges/([^/]+?)(?:/)?$' },
    { page: '/badges/[awardId]/preview.png', regex: '^/badges/([^/]+?)/preview\\.png(?:/)?$' },
    { page: '/claim/[token]', regex: '^/claim/([^/]+?)(?:/)?$' },
    { page: '/reset-password/[token]', regex: '^/reset\\-password/([^/]+?)(?:/)?$' },
  ],
};
const patterns = createRoutePatterns({ manifest, publicFiles: ['/icons/icon-192.png', '/robots.txt'] });
const id = '3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a1b';

describe('route patterns', () => {
  it.each([
    ['/', '/'],
    ['/help', '/help'],
    ['/help/', '/help'],
    ['/metrics', '/metrics'],
    ['/api/v1/awards', '/api/v1/awards'],
    [`/api/v1/awards/${id}`, '/api/v1/awards/[id]'],
    [`/api/v1/awards/${id}/revoke`, '/api/v1/awards/[id]/revoke'],
    [`/badges/${id}`, '/badges/[awardId]'],
    [`/badges/${id}/preview.png`, '/badges/[awardId]/preview.png'],
    ['/claim/3bKx9-secret-claim-token_abc', '/claim/[token]'],
    ['/reset-password/another-secret', '/reset-password/[token]'],
    ['/_next/static/chunks/app-4f2a.js', NEXT_STATIC],
    ['/_next/image', NEXT_INTERNAL],
    ['/icons/icon-192.png', PUBLIC_FILE],
    ['/robots.txt', PUBLIC_FILE],
    ['/no/such/page', UNMATCHED],
    ['/wp-admin.php', UNMATCHED],
    [`/badges/${id}/something-else`, UNMATCHED],
    [`/${'a'.repeat(5000)}`, UNMATCHED],
  ])('%s → %s', (path, pattern) => {
    expect(patterns(path)).toBe(pattern);
  });

  it('never lets a token or id through, whatever is asked', () => {
    const labels = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const secret = `s${i}-${Math.random().toString(36).slice(2)}`;
      for (const path of [
        `/claim/${secret}`,
        `/badges/${secret}`,
        `/${secret}`,
        `/api/v1/awards/${secret}/x`,
      ]) {
        const label = patterns(path);
        expect(label).not.toContain(secret);
        labels.add(label);
      }
    }
    expect([...labels].sort()).toEqual(['/badges/[awardId]', '/claim/[token]', UNMATCHED].sort());
  });
});

describe('pathnameOf', () => {
  it.each([
    ['/claim/abc?next=/wallet', '/claim/abc'],
    ['/a#b', '/a'],
    ['/plain', '/plain'],
    ['http://evil.example/x', ''],
    [undefined, ''],
  ])('%s → %s', (url, path) => {
    expect(pathnameOf(url)).toBe(path);
  });
});
