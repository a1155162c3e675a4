/** Who a message is sent for: its From name is "‹issuer› via Laurel", and replies go to the issuer. */
export type OnBehalfOf = { senderName: string; replyTo: string };

const MAX_NAME = 64;
// Characters that could end or break a quoted display name, or start a new header line.
const UNSAFE_IN_NAME = /[\p{Cc}\u2028\u2029"<>\\]/gu;
// Deliberately narrow: an address that needs quoting or has spaces is not put in a header.
const PLAIN_ADDRESS = /^[^\s@"<>()\\,;:]+@[^\s@"<>()\\,;:]+\.[^\s@"<>()\\,;:]+$/;

/** An issuer's name made safe for a quoted display name: one line, no quotes or brackets, bounded. */
export function headerSafeName(name: string): string {
  const flat = name.replace(UNSAFE_IN_NAME, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= MAX_NAME
    ? flat
    : `${chars
        .slice(0, MAX_NAME - 1)
        .join('')
        .trimEnd()}…`;
}

/** EMAIL_FROM as its display name (unquoted; may be empty) and its address. */
function splitFrom(emailFrom: string): { name: string; address: string } {
  const match = /^\s*(.*?)\s*<([^<>]+)>\s*$/.exec(emailFrom);
  if (!match) return { name: '', address: emailFrom.trim() };
  return { name: (match[1] ?? '').replace(/^"(.*)"$/, '$1'), address: (match[2] ?? '').trim() };
}

/**
 * The From header for a message: EMAIL_FROM as configured, or, for a message sent for an issuer,
 * `"‹issuer› via ‹EMAIL_FROM's name, else Laurel›" <EMAIL_FROM's address>`. The address never
 * changes (it is the one the domain is verified for); only the name says who the mail is from.
 */
export function fromHeader(emailFrom: string, senderName?: string): string {
  const issuer = senderName ? headerSafeName(senderName) : '';
  if (!issuer) return emailFrom;
  const { name, address } = splitFrom(emailFrom);
  const via = headerSafeName(name) || 'Laurel';
  return `"${issuer} via ${via}" <${address}>`;
}

/** A Reply-To address, or undefined when the value is not a plain address that is safe in a header. */
export function replyToHeader(address?: string): string | undefined {
  const trimmed = address?.trim();
  return trimmed && trimmed.length <= 254 && PLAIN_ADDRESS.test(trimmed) ? trimmed : undefined;
}
