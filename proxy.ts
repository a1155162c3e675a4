import { type NextRequest, NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { isKnownPublicPath } from '@/lib/cache-gate/known-path';

// Open Badges clients asking for JSON are rewritten to the hosted assertion by next.config.
const JSON_ONLY = /^(?!.*text\/html).*application\/(ld\+)?json/;

/**
 * Keeps unknown ids away from the cached public pages: each would otherwise become a 404 entry
 * in Next's page cache, so anonymous requests could fill the disk. They get the same 404,
 * rendered per request under /missing, which stores nothing.
 */
export async function proxy(request: NextRequest) {
  const isPageRequest = request.method === 'GET' || request.method === 'HEAD';
  if (!isPageRequest || JSON_ONLY.test(request.headers.get('accept') ?? '')) return NextResponse.next();
  if (await isKnownPublicPath(await getDb(), request.nextUrl.pathname)) return NextResponse.next();
  const target = request.nextUrl.pathname.startsWith('/skills/') ? '/missing/skill' : '/missing';
  return NextResponse.rewrite(new URL(target, request.url));
}

export const config = {
  matcher: ['/badges/:id', '/badges/:id/embed', '/occupations/:code', '/skills/:slug'],
};
