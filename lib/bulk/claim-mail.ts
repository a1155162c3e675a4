import 'server-only';
import type { BadgeTemplate, Issuer } from '@/db/schema';
import { claimMessage } from '@/lib/awards/create-award';
import type { Config } from '@/lib/config';
import type { RenderedMessage } from '@/lib/email/render';

// Placeholders rendered in place of the per-recipient values: plain letters, so neither React nor
// the plain-text conversion changes them.
const NAME = 'LaurelRecipientNamePlaceholder';
const TOKEN = 'LaurelClaimTokenPlaceholder';

// What React's server renderer writes for these characters in text.
const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
};
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
// The plain-text part is derived from HTML, where runs of white space read as one space.
const asPlainText = (value: string) => value.replace(/\s+/g, ' ');
const fill = (text: string, placeholder: string, value: string) => text.split(placeholder).join(value);

/**
 * Claim emails for many awards of one template. Rendering one with react-email takes several
 * milliseconds, too slow for thousands, so each distinct expiry date is rendered once with
 * placeholders and every message is a copy with its recipient's name (escaped) and token put in:
 * the same bytes a one-off render gives (lib/bulk/claim-mail.test.ts).
 */
export function claimMessages(input: {
  config: Pick<Config, 'appUrl' | 'claimTokenTtlDays'>;
  issuer: Pick<Issuer, 'name' | 'email'>;
  template: Pick<BadgeTemplate, 'name' | 'description' | 'imageId' | 'pngImageId'>;
}) {
  const skeletons = new Map<number | null, Promise<RenderedMessage>>();
  return async (recipient: {
    name: string;
    expiresAt: Date | null;
    token: string;
  }): Promise<RenderedMessage> => {
    const key = recipient.expiresAt?.getTime() ?? null;
    let skeleton = skeletons.get(key);
    if (!skeleton) {
      skeleton = claimMessage({
        ...input,
        recipientName: NAME,
        expiresAt: recipient.expiresAt,
        token: TOKEN,
      });
      skeletons.set(key, skeleton);
    }
    const { subject, html, text, ...sender } = await skeleton;
    const withToken = (s: string) => fill(s, TOKEN, recipient.token);
    return {
      ...sender,
      subject: fill(withToken(subject), NAME, recipient.name),
      html: fill(withToken(html), NAME, escapeHtml(recipient.name)),
      text: fill(withToken(text), NAME, asPlainText(recipient.name)),
    };
  };
}
