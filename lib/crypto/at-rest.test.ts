import { describe, expect, it } from 'vitest';
import { decryptAtRest, encryptAtRest } from './at-rest';
import { freshKeys, LEGACY_AUTH_SECRET, legacyV1WebhookSecret, tamper, testKeyring } from './test-support';

const SECRET = 'whsec_the-signing-secret';

describe('secrets encrypted at rest', () => {
  it('round-trips under the first key, with its id in the value and a fresh IV each time', () => {
    const { keyring } = freshKeys('k2', 'k1');
    const stored = encryptAtRest(SECRET, 'webhook-secret', keyring);
    expect(stored).toMatch(/^v2\.k2\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain('signing-secret');
    expect(decryptAtRest(stored, 'webhook-secret', keyring)).toBe(SECRET);
    expect(encryptAtRest(SECRET, 'webhook-secret', keyring)).not.toBe(stored);
  });

  it('decrypts with any key of the ring, not only the current one', () => {
    const old = freshKeys('old');
    const stored = encryptAtRest(SECRET, 'webhook-secret', old.keyring);
    const rotated = testKeyring(`new:${Buffer.alloc(32, 9).toString('base64url')},${old.value}`);
    expect(decryptAtRest(stored, 'webhook-secret', rotated)).toBe(SECRET);
  });

  it('binds the purpose and the key id: a value cannot be replayed as another secret or key', () => {
    const { keyring, value } = freshKeys('a');
    const stored = encryptAtRest(SECRET, 'webhook-secret', keyring);
    expect(() => decryptAtRest(stored, 'issuer-signing-key', keyring)).toThrow(
      'The stored secret could not be decrypted with key "a": it was altered, or it was not stored as a "issuer-signing-key" secret.',
    );
    // The same key bytes under a second id: only the additional data tells them apart.
    const twin = testKeyring(`${value},b:${value.split(':')[1]}`);
    expect(() => decryptAtRest(stored.replace('v2.a.', 'v2.b.'), 'webhook-secret', twin)).toThrow(/altered/);
  });

  it('names an unknown key id and says to add it back', () => {
    const stored = encryptAtRest(SECRET, 'webhook-secret', freshKeys('gone').keyring);
    expect(() => decryptAtRest(stored, 'webhook-secret', freshKeys('other').keyring)).toThrow(
      'The stored secret is encrypted with key "gone", which is not in ENCRYPTION_KEYS: add it back to ENCRYPTION_KEYS.',
    );
  });

  it('refuses a value whose IV, tag or ciphertext was altered', () => {
    const { keyring } = freshKeys('a');
    const stored = encryptAtRest(SECRET, 'webhook-secret', keyring);
    for (const index of [2, 3, 4]) {
      expect(() => decryptAtRest(tamper(stored, index), 'webhook-secret', keyring)).toThrow(/altered/);
    }
  });

  it('refuses values that are not in a stored format', () => {
    const { keyring } = freshKeys('a');
    for (const value of [
      '',
      'whsec_plain',
      'v2.a.b.c',
      'v2.a.b.c.d.e',
      'v3.a.b.c.d',
      'v1.a.b',
      'v2.a.!!.b.c',
    ]) {
      expect(() => decryptAtRest(value, 'webhook-secret', keyring)).toThrow(/not in a format Laurel writes/);
    }
  });

  it('still decrypts legacy v1 values under the AUTH_SECRET-derived key, and only as webhook secrets', () => {
    const { keyring } = freshKeys('a');
    const legacy = legacyV1WebhookSecret(SECRET);
    expect(decryptAtRest(legacy, 'webhook-secret', keyring)).toBe(SECRET);
    expect(() => decryptAtRest(legacy, 'issuer-signing-key', keyring)).toThrow(/not in a format/);
    const otherSecret = legacyV1WebhookSecret(SECRET, `${LEGACY_AUTH_SECRET}-rotated`);
    expect(() => decryptAtRest(otherSecret, 'webhook-secret', keyring)).toThrow(/AUTH_SECRET changed/);
    expect(() => decryptAtRest(tamper(legacy, 3), 'webhook-secret', keyring)).toThrow(/altered/);
  });
});
