/** For the at-rest encryption tests: keyrings of fresh keys, and values in the legacy v1 format. */
import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { newEncryptionKeyEntry } from './encryption-keys';
import { type Keyring, keyringFrom } from './keyring';

export const LEGACY_AUTH_SECRET = 'test-auth-secret-test-auth-secret-0123';

/** `ids` become fresh keys, the first one current: `{ value, keyring }` with value in ENCRYPTION_KEYS form. */
export function freshKeys(...ids: string[]) {
  const value = ids.map((id) => `${id}:${newEncryptionKeyEntry().split(':')[1]}`).join(',');
  return { value, keyring: testKeyring(value) };
}

export function testKeyring(value: string): Keyring {
  return keyringFrom(value, 'ENCRYPTION_KEYS', () => LEGACY_AUTH_SECRET);
}

/** A webhook secret as Laurel stored it before ENCRYPTION_KEYS: under a key derived from AUTH_SECRET. */
export function legacyV1WebhookSecret(secret: string, authSecret = LEGACY_AUTH_SECRET): string {
  const key = Buffer.from(hkdfSync('sha256', authSecret, 'laurel', 'laurel/webhook-secrets/v1', 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', ...[iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'))].join('.');
}

/** Flips one bit in the dot-separated part at `index` of a stored value. */
export function tamper(stored: string, index: number): string {
  const parts = stored.split('.');
  const bytes = Buffer.from(parts[index] ?? '', 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  parts[index] = bytes.toString('base64url');
  return parts.join('.');
}
