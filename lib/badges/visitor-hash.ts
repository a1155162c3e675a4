import { createHmac } from 'node:crypto';

/**
 * A keyed hash standing in for a client address in our tables: without the server secret it
 * cannot be reversed by hashing every IPv4 address. `purpose` keeps the uses apart.
 */
export function visitorHash(input: { secret: string; purpose: string; parts: string[] }): string {
  return createHmac('sha256', input.secret)
    .update([input.purpose, ...input.parts].join('\n'))
    .digest('base64url');
}

/** The UTC calendar day of `now`, as PostgreSQL's date text. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
