/**
 * The Content-Security-Policy and HSTS values, in one place for next.config.ts, proxy.ts and the
 * route handlers that serve issuer files. Why two page policies: see ARCHITECTURE.md ("Headers").
 */

/** For issuer-supplied files (SVG images, downloads): no script, no fetches, an opaque origin. */
export const SANDBOX_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

/** For machine answers (JSON, PNG): nothing to run, nothing to frame. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

type PagePolicy = {
  /** Per request, for pages rendered per request; absent for pages served from the cache. */
  nonce?: string;
  /** The embed card is the one page other sites may frame. */
  isFramable?: boolean;
  /** React's development build evaluates code (call stacks); production never does. */
  isDev?: boolean;
};

export function pagePolicy({ nonce, isFramable = false, isDev = false }: PagePolicy): string {
  // A cached page is the same bytes for everyone, so it cannot carry a per-request nonce; Next's
  // inline flight-data scripts then need 'unsafe-inline', still limited to our own origin.
  const scripts = nonce ? [`'nonce-${nonce}'`, "'strict-dynamic'"] : ["'unsafe-inline'"];
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scripts, ...(isDev ? ["'unsafe-eval'"] : [])].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${isFramable ? '*' : "'none'"}`,
  ].join('; ');
}

/** Two years, subdomains included; only when the app is served over https. */
export const hstsFor = (appUrl: string | undefined): string | null =>
  appUrl?.startsWith('https://') ? 'max-age=63072000; includeSubDomains' : null;
