import { type NextRequest, NextResponse } from 'next/server';

/** True when the client prefers JSON(-LD) to HTML, by order of appearance in Accept. */
function prefersJson(accept: string): boolean {
  const json = accept.search(/application\/(ld\+)?json/);
  if (json === -1) return false;
  const html = accept.indexOf('text/html');
  return html === -1 || json < html;
}

/**
 * The public badge URL is also the badge: browsers get the page, Open Badges clients asking for
 * JSON get the hosted assertion from the same address.
 */
export function proxy(request: NextRequest) {
  const id = request.nextUrl.pathname.split('/')[2];
  if (id && prefersJson(request.headers.get('accept') ?? '')) {
    const response = NextResponse.rewrite(new URL(`/ob/v2/assertions/${id}`, request.url));
    response.headers.set('Vary', 'Accept');
    return response;
  }
  const response = NextResponse.next();
  response.headers.set('Vary', 'Accept');
  return response;
}

export const config = { matcher: '/badges/:id' };
