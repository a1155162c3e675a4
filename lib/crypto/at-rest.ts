import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { currentKeyring, type Keyring } from './keyring';

/**
 * What a secret is for. It is bound to the ciphertext (as AES-GCM additional data), so a value
 * stored for one purpose cannot be replayed as another kind of secret.
 */
export type SecretPurpose = 'webhook-secret' | 'issuer-signing-key';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const PART = /^[A-Za-z0-9_-]+$/;

/** The key id that legacy `v1.` values (key derived from AUTH_SECRET) are reported under. */
export const LEGACY_KEY_ID = 'v1';

/** HKDF info of each purpose that had `v1.` values before ENCRYPTION_KEYS existed. */
const LEGACY_INFO: Partial<Record<SecretPurpose, string>> = { 'webhook-secret': 'laurel/webhook-secrets/v1' };

/** A stored secret that cannot be read back; the message says why and what would fix it. */
export class SecretDecryptError extends Error {
  override name = 'SecretDecryptError';
}

const additionalData = (kid: string, purpose: SecretPurpose) => Buffer.from(`v2.${kid}.${purpose}`, 'utf8');

/**
 * `v2.<kid>.<iv>.<tag>.<ciphertext>` (base64url parts): AES-256-GCM under the keyring's first key,
 * with the key id and the purpose as additional data. A fresh IV every time.
 */
export function encryptAtRest(plaintext: string, purpose: SecretPurpose, keyring = currentKeyring()): string {
  const [current] = keyring.keys;
  if (!current) throw new Error('The keyring has no key.');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', current.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(current.id, purpose));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'));
  return ['v2', current.id, ...parts].join('.');
}

const notStored = () => new SecretDecryptError('The stored secret is not in a format Laurel writes.');

function open(input: {
  key: Buffer;
  iv: string;
  tag: string;
  ciphertext: string;
  aad?: Buffer;
}): Buffer | null {
  if (![input.iv, input.tag, input.ciphertext].every((part) => PART.test(part))) throw notStored();
  const iv = Buffer.from(input.iv, 'base64url');
  const tag = Buffer.from(input.tag, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw notStored();
  const decipher = createDecipheriv('aes-256-gcm', input.key, iv, { authTagLength: TAG_BYTES });
  if (input.aad) decipher.setAAD(input.aad);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(Buffer.from(input.ciphertext, 'base64url')), decipher.final()]);
  } catch {
    return null;
  }
}

function decryptLegacy(parts: string[], purpose: SecretPurpose, keyring: Keyring): string {
  const [iv, tag, ciphertext, ...rest] = parts;
  const info = LEGACY_INFO[purpose];
  if (!info || iv === undefined || tag === undefined || ciphertext === undefined || rest.length)
    throw notStored();
  const key = Buffer.from(hkdfSync('sha256', keyring.legacyAuthSecret(), 'laurel', info, 32));
  const plaintext = open({ key, iv, tag, ciphertext });
  if (!plaintext) {
    throw new SecretDecryptError(
      'The stored secret (a legacy v1 value) could not be decrypted: it was altered, or AUTH_SECRET changed since it was stored.',
    );
  }
  return plaintext.toString('utf8');
}

/**
 * The stored secret in the clear. Throws a SecretDecryptError when the value was altered, was
 * stored for another purpose, or its key is not in the keyring (the message names the key id).
 */
export function decryptAtRest(stored: string, purpose: SecretPurpose, keyring = currentKeyring()): string {
  const [version, ...parts] = stored.split('.');
  if (version === 'v1') return decryptLegacy(parts, purpose, keyring);
  const [kid, iv, tag, ciphertext, ...rest] = parts;
  if (
    version !== 'v2' ||
    !kid ||
    iv === undefined ||
    tag === undefined ||
    ciphertext === undefined ||
    rest.length
  ) {
    throw notStored();
  }
  const entry = keyring.keys.find((key) => key.id === kid);
  if (!entry) {
    throw new SecretDecryptError(
      `The stored secret is encrypted with key "${kid.slice(0, 40)}", which is not in ${keyring.source}: add it back to ${keyring.source === 'ENCRYPTION_KEYS' ? 'ENCRYPTION_KEYS' : `ENCRYPTION_KEYS (or to encryptionKeys in ${keyring.source})`}.`,
    );
  }
  const plaintext = open({ key: entry.key, iv, tag, ciphertext, aad: additionalData(kid, purpose) });
  if (!plaintext) {
    throw new SecretDecryptError(
      `The stored secret could not be decrypted with key "${kid}": it was altered, or it was not stored as a "${purpose}" secret.`,
    );
  }
  return plaintext.toString('utf8');
}
