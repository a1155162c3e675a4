import path from 'node:path';
import type { NextConfig } from 'next';
import { PHASE_PRODUCTION_BUILD } from 'next/constants';
import { HIDEABLE_PAGE_CACHE_CONTROL } from './lib/http/cache-headers';
import { BODY_LIMITS } from './lib/http/limits';
import { API_POLICY, SANDBOX_POLICY } from './lib/http/security-headers';

// Page CSPs (nonce or not) and HSTS are set per request in proxy.ts; these are the fixed ones.
const baseHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
];
// The badge embed card is the one page other sites may frame. Next applies every matching rule,
// so the global rule must not match it at all: a negative lookahead keeps it out.
const embedPath = 'badges/[^/]+/embed/?$';
const csp = (value: string) => [{ key: 'Content-Security-Policy', value }];
// Route handlers, which proxy.ts leaves alone. Each path gets exactly one CSP rule: when two
// rules set the same header the last wins, which is how the SVG sandbox was once lost.
const machinePaths = [
  '/api/:path*',
  '/ob/:path*',
  '/badges/:id/events',
  '/badges/:id/verification',
  '/badges/:id/preview.png',
  // Issuers' DID and key documents (did:web).
  '/issuers/:slug/did.json',
  '/issuers/:slug/keys/:keyId',
  // Icons and the web app manifest (app/icon.svg, app/manifest.ts, public/icons).
  '/favicon.ico',
  '/icon.svg',
  '/apple-icon.png',
  '/manifest.webmanifest',
  '/icons/:file',
  // Prometheus metrics (app/metrics/route.ts).
  '/metrics',
];
const issuerFilePaths = ['/images/:id', '/badges/:id/download/:format'];
const hideable = { key: 'Cache-Control', value: HIDEABLE_PAGE_CACHE_CONTROL };
// Open Badges clients asking for JSON (and not HTML).
const asksForJson = {
  type: 'header',
  key: 'accept',
  value: '(?!.*text/html).*application/(ld\\+)?json.*',
} as const;

// Next's page cache always goes through lib/redis/cache-handler.mjs: in Redis with REDIS_URL, so
// every instance sees the others' revalidations; else in Next's own file-system cache with the
// same revalidation rule. The handler reads REDIS_URL when the server starts (the standalone
// server too). Next imports it by path, resolved from the project directory, where `next start`
// runs. cacheMaxMemorySize stays Next's default: the file-system cache's memory layer uses it;
// the Redis store ignores it and keeps its own.
const pageCache: Pick<NextConfig, 'cacheHandler'> = {
  cacheHandler: path.resolve('lib/redis/cache-handler.mjs'),
};

const nextConfig: NextConfig = {
  ...pageCache,
  // PGlite loads WebAssembly and data files at run time; bundling it breaks every query.
  // The JSON-LD signature stack loads contexts and crypto lazily; the verifier uses it as Node does.
  serverExternalPackages: [
    '@electric-sql/pglite',
    '@node-rs/argon2',
    'jsonld',
    'jsonld-signatures',
    'rdf-canonize',
    '@digitalbazaar/data-integrity',
    '@digitalbazaar/eddsa-rdfc-2022-cryptosuite',
    '@digitalbazaar/eddsa-2022-cryptosuite',
    '@digitalbazaar/ed25519-signature-2020',
    // The job queue and its pg driver (optional native bindings) run as Node loads them.
    'pg-boss',
    'pg',
  ],
  poweredByHeader: false,
  // Lets parallel work build and test without sharing one output folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // authInterrupts: forbidden() for staff on admin-only console pages.
  // globalNotFound: app/global-not-found.tsx for addresses no route matches (three root layouts).
  // Next answers an action over bodySizeLimit with a 500, so proxy.ts refuses it first with a 413.
  // proxyClientMaxBodySize: how much of a body the proxy sees Next copies in memory; just over
  // the action limit, so the proxy can still count past it.
  experimental: {
    serverActions: { bodySizeLimit: BODY_LIMITS.action },
    proxyClientMaxBodySize: BODY_LIMITS.action + 1024 * 1024,
    authInterrupts: true,
    globalNotFound: true,
  },
  // The public badge URL is also the badge: Open Badges clients asking for JSON (and not HTML)
  // get the hosted assertion from the same address. A rewrite costs far less than a proxy.
  async rewrites() {
    return {
      beforeFiles: [
        {
          source: '/badges/:id',
          has: [asksForJson],
          destination: '/ob/v2/assertions/:id',
        },
      ],
    };
  },
  async headers() {
    return [
      { source: '/:path*', headers: baseHeaders },
      { source: `/:path((?!${embedPath}).*)`, headers: [{ key: 'X-Frame-Options', value: 'DENY' }] },
      ...machinePaths.map((source) => ({ source, headers: csp(API_POLICY) })),
      ...issuerFilePaths.map((source) => ({ source, headers: csp(SANDBOX_POLICY) })),
      // Pages a learner can hide: a CDN keeps them no longer than the instances do (Next's own
      // ISR header would allow a year of stale copies). Next keeps a Cache-Control set here, over
      // a route handler's too: the JSON the badge address rewrites to keeps its own.
      { source: '/badges/:id', headers: [{ key: 'Vary', value: 'Accept' }] },
      { source: '/badges/:id', missing: [asksForJson], headers: [hideable] },
      { source: '/badges/:id/embed', headers: [hideable] },
    ];
  },
};

/**
 * Every build also writes the standalone server (`.next/standalone`, what the Dockerfile ships);
 * `next start` reads this file again with another phase and runs the normal build output.
 */
export default function config(phase: string): NextConfig {
  return phase === PHASE_PRODUCTION_BUILD ? { ...nextConfig, output: 'standalone' } : nextConfig;
}
