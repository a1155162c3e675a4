import 'server-only';
import type { BadgeTemplate, Issuer } from '@/db/schema';
import type { Config } from '@/lib/config';
import { badgeAwardedMessage, type RenderedMessage } from '@/lib/email/render';
import { imageUrl } from '@/lib/images/store';

type MailConfig = Pick<Config, 'appUrl' | 'claimTokenTtlDays'>;
type MailIssuer = Pick<Issuer, 'name' | 'email'>;
type MailTemplate = Pick<BadgeTemplate, 'name' | 'description' | 'imageId' | 'pngImageId'>;
type Recipient = { name: string; expiresAt: Date | null; token: string };

/**
 * The claim email for an award (new or resent), rendered before the transaction that queues it.
 * It is sent for the issuer: their name on the From line, replies to their contact address.
 */
export async function claimMessage(input: {
  config: MailConfig;
  issuer: MailIssuer;
  template: MailTemplate;
  recipientName: string;
  expiresAt: Date | null;
  token: string;
}): Promise<RenderedMessage> {
  const { config, template } = input;
  const rendered = await badgeAwardedMessage({
    recipientName: input.recipientName,
    badgeName: template.name,
    badgeDescription: template.description,
    // Many mail clients do not show SVG; the stored PNG rendering works everywhere.
    badgeImageUrl: imageUrl(config.appUrl, template.pngImageId ?? template.imageId),
    issuerName: input.issuer.name,
    claimUrl: `${config.appUrl}/claim/${input.token}`,
    expiresAt: input.expiresAt,
    tokenExpiresInDays: config.claimTokenTtlDays,
  });
  return { ...rendered, senderName: input.issuer.name, replyTo: input.issuer.email };
}

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
 * the same bytes a one-off render gives (claim-mail.test.ts).
 */
export function claimMessages(input: { config: MailConfig; issuer: MailIssuer; template: MailTemplate }) {
  const skeletons = new Map<number | null, Promise<RenderedMessage>>();
  return async (recipient: Recipient): Promise<RenderedMessage> => {
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

/**
 * The claim emails of one createAwards call: a single award is rendered on its own, exactly as a
 * resend is; many go through claimMessages, one skeleton per template and expiry date.
 */
export function claimMailer(input: { config: MailConfig; issuer: MailIssuer; isBatch: boolean }) {
  const { config, issuer } = input;
  const batches = new Map<string, ReturnType<typeof claimMessages>>();
  return (template: MailTemplate & { id: string }, recipient: Recipient): Promise<RenderedMessage> => {
    if (!input.isBatch) {
      const { name, expiresAt, token } = recipient;
      return claimMessage({ config, issuer, template, recipientName: name, expiresAt, token });
    }
    let batch = batches.get(template.id);
    if (!batch) {
      batch = claimMessages({ config, issuer, template });
      batches.set(template.id, batch);
    }
    return batch(recipient);
  };
}
