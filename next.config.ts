import type { NextConfig } from 'next';

const baseHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
];
const noFraming = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
];
// The badge embed card is the one page other sites may frame. Next applies every matching rule,
// so the global rule must not match it at all: a negative lookahead keeps it out.
const embedPath = 'badges/[^/]+/embed/?$';

const nextConfig: NextConfig = {
  // PGlite loads WebAssembly and data files at run time; bundling it breaks every query.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2'],
  poweredByHeader: false,
  // Lets parallel work build and test without sharing one output folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // /verify accepts baked images up to 5 MB.
  // authInterrupts: forbidden() for staff on admin-only console pages.
  experimental: { serverActions: { bodySizeLimit: '6mb' }, authInterrupts: true },
  // The public badge URL is also the badge: Open Badges clients asking for JSON (and not HTML)
  // get the hosted assertion from the same address. A rewrite costs far less than a proxy.
  async rewrites() {
    return {
      beforeFiles: [
        {
          source: '/badges/:id',
          has: [{ type: 'header', key: 'accept', value: '(?!.*text/html).*application/(ld\\+)?json.*' }],
          destination: '/ob/v2/assertions/:id',
        },
      ],
    };
  },
  async headers() {
    return [
      { source: '/:path*', headers: baseHeaders },
      { source: `/:path((?!${embedPath}).*)`, headers: noFraming },
      {
        source: '/badges/:id/embed',
        headers: [{ key: 'Content-Security-Policy', value: 'frame-ancestors *' }],
      },
      { source: '/badges/:id', headers: [{ key: 'Vary', value: 'Accept' }] },
    ];
  },
};

export default nextConfig;
