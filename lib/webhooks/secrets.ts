import 'server-only';
import { randomBytes } from 'node:crypto';
import { decryptAtRest, encryptAtRest } from '@/lib/crypto/at-rest';
import { currentKeyring } from '@/lib/crypto/keyring';

/** A signing secret for a new endpoint, shown to the issuer once. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** The secret as stored: encrypted at rest under the current key of ENCRYPTION_KEYS. */
export function encryptWebhookSecret(secret: string, keyring = currentKeyring()): string {
  return encryptAtRest(secret, 'webhook-secret', keyring);
}

/** The stored secret; throws a SecretDecryptError saying why when it cannot be read back. */
export function decryptWebhookSecret(stored: string, keyring = currentKeyring()): string {
  return decryptAtRest(stored, 'webhook-secret', keyring);
}
