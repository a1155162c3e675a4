import { type NextRequest, NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { isKnownPublicPath } from '@/lib/cache-gate/known-path';
import { BODY_LIMITS } from '@/lib/http/limits';
import { BodyTooLargeError, isBodyOverLimit, tooLargeProblem } from '@/lib/http/read-limited';
import { hstsFor, pagePolicy } from '@/lib/http/security-headers';

/**
 * Pages in the (public) and (embed) route groups: rendered once and served from the cache, so
 * they cannot carry a per-request nonce. Every other page gets one; a new cached page missing
 * here fails loudly (its scripts are blocked) rather than quietly getting the weaker policy.
 */
const CACHED_PAGES = /^\/(?:badges|verify|skills|occupations)(?:\/|$)/;
const EMBED = /^\/badges\/[^/]+\/embed\/?$/;

/**
 * Next answers a server action over its body limit with a 500 and a stack trace in the log; this
 * answers 413 instead, from Content-Length or, for a chunked body, by counting this copy of it.
 */
const isOversizedAction = async (request: NextRequest) =>
  request.method === 'POST' &&
  request.headers.has('next-action') &&
  (await isBodyOverLimit(request, BODY_LIMITS.action));

/** The cached pages whose ids come from visitors: a badge, its embed card, an occupation, a skill. */
const GATED = /^\/(?:badges\/[^/]+(?:\/embed)?|occupations\/[^/]+|skills\/[^/]+)\/?$/;
// Open Badges clients asking for JSON are rewritten to the hosted assertion by next.config.
const JSON_ONLY = /^(?!.*text\/html).*application\/(ld\+)?json/;

/**
 * Keeps unknown ids away from the cached public pages: each would otherwise become a 404 entry
 * in Next's page cache, so anonymous requests could fill the disk. They get the same 404,
 * rendered per request under /missing (or /missing-embed), which stores nothing. Null: go on to
 * the page.
 */
async function missingTarget(request: NextRequest): Promise<URL | null> {
  const { pathname } = request.nextUrl;
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  if (!GATED.test(pathname) || JSON_ONLY.test(request.headers.get('accept') ?? '')) return null;
  if (await isKnownPublicPath(await getDb(), pathname)) return null;
  return new URL(missingPageFor(pathname), request.url);
}

/** Each gated page's own 404: a badge "is not shared", its embed a card-sized note. */
function missingPageFor(pathname: string) {
  if (pathname.startsWith('/skills/')) return '/missing/skill';
  if (pathname.startsWith('/badges/')) return EMBED.test(pathname) ? '/missing-embed' : '/missing/badge';
  return '/missing';
}

/** An unsubscribe link posted by a mail client or the page's button (not a server action): its handler. */
const UNSUBSCRIBE = /^\/unsubscribe\/([A-Za-z0-9_-]{1,500})$/;
function unsubscribePost(request: NextRequest): URL | null {
  if (request.method !== 'POST' || request.headers.has('next-action')) return null;
  const token = UNSUBSCRIBE.exec(request.nextUrl.pathname)?.[1];
  return token ? new URL(`/api/unsubscribe/${token}${request.nextUrl.search}`, request.url) : null;
}

/** Sets the page Content-Security-Policy (with a nonce Next puts on its scripts) and HSTS. */
export async function proxy(request: NextRequest) {
  if (await isOversizedAction(request)) return tooLargeProblem(new BodyTooLargeError(BODY_LIMITS.action));
  const oneClick = unsubscribePost(request);
  if (oneClick) return NextResponse.rewrite(oneClick);
  const { pathname } = request.nextUrl;
  const nonce = CACHED_PAGES.test(pathname) ? undefined : btoa(crypto.randomUUID());
  const policy = pagePolicy({
    nonce,
    isFramable: EMBED.test(pathname),
    isDev: process.env.NODE_ENV === 'development',
  });
  // Next reads the nonce from the request's CSP header; a client-sent one must never count. A
  // cached page's request goes on untouched unless it carries one (the common case costs nothing).
  let forwarded: { request: { headers: Headers } } | undefined;
  if (nonce || request.headers.has('content-security-policy')) {
    const headers = new Headers(request.headers);
    if (nonce) headers.set('content-security-policy', policy);
    else headers.delete('content-security-policy');
    forwarded = { request: { headers } };
  }
  const missing = await missingTarget(request);
  const response = missing ? NextResponse.rewrite(missing, forwarded) : NextResponse.next(forwarded);
  response.headers.set('Content-Security-Policy', policy);
  const hsts = hstsFor(process.env.APP_URL);
  if (hsts) response.headers.set('Strict-Transport-Security', hsts);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages and server actions. Route handlers get their headers from next.config.ts and stay
      // out, because Next copies every body a proxy sees (up to proxyClientMaxBodySize) before
      // the handler could refuse it.
      source:
        '/((?!_next/|api/|images/|ob/|robots\\.txt|favicon\\.ico|icon\\.svg|apple-icon\\.png|manifest\\.webmanifest|icons/|badges/[^/]+/(?:events|download|verification|preview\\.png)|issuers/[^/]+/(?:did\\.json|keys/)|metrics$).*)',
    },
  ],
};
