import 'server-only';
import type { Executor } from '@/db/client';
import type { EmailMessage } from '@/db/schema';
import { getConfig } from '@/lib/config';
import { NOTIFICATION_KINDS, UNSUBSCRIBE_PLACEHOLDER } from './kinds';
import { mutedAddresses } from './preferences';
import { unsubscribeUrl } from './unsubscribe-token';

const fill = (text: string, url: string) => text.split(UNSUBSCRIBE_PLACEHOLDER).join(url);

/**
 * Every queued email passes here, so every sender honours preferences: a notification to an
 * address that turned its kind off is marked `isMuted` (queued as not sent, without its body);
 * one that goes out gets its own one-click unsubscribe link (RFC 8058 headers, and in the body).
 * Transactional mail passes untouched.
 */
export async function prepareOutgoing<T extends { message: EmailMessage }>(
  db: Executor,
  items: T[],
): Promise<Array<T & { isMuted: boolean }>> {
  const muted = new Map<string, Set<string>>();
  for (const kind of NOTIFICATION_KINDS) {
    const to = items.filter((i) => i.message.notification === kind).map((i) => i.message.to);
    if (to.length > 0) muted.set(kind, await mutedAddresses(db, kind, [...new Set(to)]));
  }
  return items.map((item) => {
    const { notification: kind, to } = item.message;
    if (!kind) return { ...item, isMuted: false };
    if (muted.get(kind)?.has(to))
      return { ...item, isMuted: true, message: { ...item.message, html: '', text: '' } };
    const url = unsubscribeUrl(getConfig().appUrl, { email: to, kind });
    const message: EmailMessage = {
      ...item.message,
      html: fill(item.message.html, url),
      text: fill(item.message.text, url),
      headers: {
        ...item.message.headers,
        'List-Unsubscribe': `<${url}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    };
    return { ...item, isMuted: false, message };
  });
}
