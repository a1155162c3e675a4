export type ShareableBadge = {
  awardId: string;
  badgeName: string;
  issuerName: string;
  earnerName: string;
  issuedAt: Date;
  expiresAt: Date | null;
  publicUrl: string;
  imagePngUrl: string;
  embedUrl: string;
};

/** X shortens links itself; the text stays well inside the post limit. */
export const X_TEXT_MAX_CHARS = 199;
const MIN_ISSUER_CHARS = 60;

function withQuery(base: string, params: Record<string, string>): string {
  return `${base}?${new URLSearchParams(params)}`;
}

/** LinkedIn's "Add license or certification" form, pre-filled. Months are 1–12 in UTC, like the issue date we show. */
export function linkedInAddToProfileUrl(b: ShareableBadge): string {
  const params: Record<string, string> = {
    startTask: 'CERTIFICATION_NAME',
    name: b.badgeName,
    organizationName: b.issuerName,
    issueYear: String(b.issuedAt.getUTCFullYear()),
    issueMonth: String(b.issuedAt.getUTCMonth() + 1),
  };
  if (b.expiresAt) {
    params.expirationYear = String(b.expiresAt.getUTCFullYear());
    params.expirationMonth = String(b.expiresAt.getUTCMonth() + 1);
  }
  params.certUrl = b.publicUrl;
  params.certId = b.awardId;
  return withQuery('https://www.linkedin.com/profile/add', params);
}

export function linkedInPostUrl(b: ShareableBadge): string {
  return withQuery('https://www.linkedin.com/sharing/share-offsite/', { url: b.publicUrl });
}

function chars(text: string): number {
  return Array.from(text).length;
}

/** Cuts by code point so an emoji or accented letter is never split in half. */
function truncate(text: string, max: number): string {
  const all = Array.from(text);
  if (all.length <= max) return text;
  return `${all
    .slice(0, Math.max(0, max - 1))
    .join('')
    .trimEnd()}…`;
}

/** The post text, shortening the badge name first and a very long issuer name only after that. */
export function xPostText(b: ShareableBadge): string {
  const frame = (badge: string, issuer: string) => `I earned the ${badge} badge from ${issuer}!`;
  const room = X_TEXT_MAX_CHARS - chars(frame('', ''));
  const issuer = truncate(b.issuerName, Math.max(MIN_ISSUER_CHARS, room - chars(b.badgeName)));
  return frame(truncate(b.badgeName, room - chars(issuer)), issuer);
}

export function xPostUrl(b: ShareableBadge): string {
  return withQuery('https://x.com/intent/tweet', { text: xPostText(b), url: b.publicUrl });
}

export function facebookShareUrl(b: ShareableBadge): string {
  return withQuery('https://www.facebook.com/sharer/sharer.php', { u: b.publicUrl });
}

/** mailto (RFC 6068) wants percent-encoding: a `+` would reach the mail client as a literal plus, not a space. */
export function emailShareUrl(b: ShareableBadge): string {
  const subject = `${b.earnerName} earned ${b.badgeName}`;
  const body = `${b.earnerName} earned the ${b.badgeName} badge from ${b.issuerName}. See it here:\r\n${b.publicUrl}`;
  return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
