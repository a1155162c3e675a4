import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { getConfig } from '@/lib/config';
import { isNotificationKind, type NotificationKind } from './kinds';

/**
 * An unsubscribe link names an address and a kind without showing the address: the pair is
 * encrypted (AES-256-GCM, so a changed token fails to open) under a key derived from AUTH_SECRET.
 * Nothing is stored per email; a new AUTH_SECRET ends old links (they then say they do not work).
 */
export type UnsubscribeTarget = { email: string; kind: NotificationKind };

const IV_BYTES = 12;
const TAG_BYTES = 16;
// An address is at most 254 characters: anything much longer is not ours.
const MAX_TOKEN_CHARS = 500;

const keyFrom = (secret: string) =>
  Buffer.from(hkdfSync('sha256', secret, '', 'laurel unsubscribe link v1', 32));

export function unsubscribeToken(target: UnsubscribeTarget, secret = getConfig().authSecret): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secret), iv);
  const sealed = Buffer.concat([cipher.update(`${target.kind} ${target.email}`, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

/** The address and kind a token names, or null for anything we did not make. */
export function readUnsubscribeToken(
  token: string,
  secret = getConfig().authSecret,
): UnsubscribeTarget | null {
  if (token.length > MAX_TOKEN_CHARS || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret), bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const plain = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
    const space = plain.indexOf(' ');
    const kind = plain.slice(0, space);
    const email = plain.slice(space + 1);
    return space > 0 && isNotificationKind(kind) && email.includes('@') ? { kind, email } : null;
  } catch {
    return null;
  }
}

export const unsubscribeUrl = (appUrl: string, target: UnsubscribeTarget) =>
  `${appUrl}/unsubscribe/${unsubscribeToken(target)}`;
