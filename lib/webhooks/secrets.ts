import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { getConfig } from '@/lib/config';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A signing secret for a new endpoint, shown to the issuer once. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

// A key of its own, so the webhook ciphertexts never share a key with sessions or tokens.
function keyFor(authSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', authSecret, 'laurel', 'laurel/webhook-secrets/v1', 32));
}

/** `v1.<iv>.<tag>.<ciphertext>` (base64url): AES-256-GCM under a key derived from AUTH_SECRET. */
export function encryptWebhookSecret(secret: string, authSecret = getConfig().authSecret): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyFor(authSecret), iv);
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'));
  return [VERSION, ...parts].join('.');
}

/** The stored secret; throws when the value was altered or AUTH_SECRET has changed since. */
export function decryptWebhookSecret(stored: string, authSecret = getConfig().authSecret): string {
  const [version, iv, tag, ciphertext, ...rest] = stored.split('.');
  if (
    version !== VERSION ||
    iv === undefined ||
    tag === undefined ||
    ciphertext === undefined ||
    rest.length
  ) {
    throw new Error('The webhook secret is not in a format Laurel stores.');
  }
  const tagBytes = Buffer.from(tag, 'base64url');
  const ivBytes = Buffer.from(iv, 'base64url');
  if (tagBytes.length !== TAG_BYTES || ivBytes.length !== IV_BYTES) {
    throw new Error('The webhook secret is not in a format Laurel stores.');
  }
  const decipher = createDecipheriv('aes-256-gcm', keyFor(authSecret), ivBytes, { authTagLength: TAG_BYTES });
  decipher.setAuthTag(tagBytes);
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new Error('The webhook secret could not be decrypted: it was altered, or AUTH_SECRET changed.');
  }
}
