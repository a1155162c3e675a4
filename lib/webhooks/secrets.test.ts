import { describe, expect, it } from 'vitest';
import { decryptWebhookSecret, encryptWebhookSecret, newWebhookSecret } from './secrets';

const AUTH_SECRET = 'test-auth-secret-test-auth-secret-0123';

/** Flips one bit in the base64url part at `index` of a stored secret. */
function tamper(stored: string, index: number): string {
  const parts = stored.split('.');
  const bytes = Buffer.from(parts[index] ?? '', 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  parts[index] = bytes.toString('base64url');
  return parts.join('.');
}

describe('webhook secrets at rest', () => {
  it('round-trips a secret through the v1 format without storing it in the clear', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const stored = encryptWebhookSecret(secret, AUTH_SECRET);
    expect(stored).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain(secret.slice(6));
    expect(decryptWebhookSecret(stored, AUTH_SECRET)).toBe(secret);
  });

  it('uses a fresh IV every time', () => {
    const secret = newWebhookSecret();
    expect(encryptWebhookSecret(secret, AUTH_SECRET)).not.toBe(encryptWebhookSecret(secret, AUTH_SECRET));
  });

  it('refuses a stored value whose IV, tag or ciphertext was altered', () => {
    const stored = encryptWebhookSecret(newWebhookSecret(), AUTH_SECRET);
    for (const index of [1, 2, 3]) {
      expect(() => decryptWebhookSecret(tamper(stored, index), AUTH_SECRET)).toThrow(/altered/);
    }
  });

  it('refuses to decrypt under another AUTH_SECRET', () => {
    const stored = encryptWebhookSecret(newWebhookSecret(), AUTH_SECRET);
    expect(() => decryptWebhookSecret(stored, `${AUTH_SECRET}-rotated`)).toThrow(/AUTH_SECRET/);
  });

  it('refuses values that are not in the stored format', () => {
    for (const value of ['', 'whsec_plain', 'v2.a.b.c', 'v1.a.b', 'v1.a.b.c.d']) {
      expect(() => decryptWebhookSecret(value, AUTH_SECRET)).toThrow();
    }
  });
});
