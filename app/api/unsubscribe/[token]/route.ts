import { getDb } from '@/db/client';
import { unsubscribe } from '@/lib/notifications/preferences';
import { readUnsubscribeToken } from '@/lib/notifications/unsubscribe-token';

const text = (status: number, body: string) =>
  new Response(body, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });

/**
 * The one-click unsubscribe (RFC 8058): a mail client POSTs `List-Unsubscribe=One-Click` to the
 * link in the List-Unsubscribe header, with no session and no page in between. proxy.ts sends such
 * POSTs to /unsubscribe/TOKEN here. The token is the whole authority, so the body is never read.
 * The confirm button on the unsubscribe page posts here too (`?from=page`) and goes back to it.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const target = readUnsubscribeToken(token);
  if (!target) return text(400, 'This unsubscribe link does not work.');
  await unsubscribe(await getDb(), target);
  if (new URL(request.url).searchParams.get('from') === 'page')
    return new Response(null, { status: 303, headers: { location: `/unsubscribe/${token}` } });
  return text(200, 'You are unsubscribed.');
}
