import { describe, expect, it } from 'vitest';
import { freshKeys, legacyV1WebhookSecret } from '@/lib/crypto/test-support';
import { decryptWebhookSecret, encryptWebhookSecret, newWebhookSecret } from './secrets';

describe('webhook secrets at rest', () => {
  it('are random, and stored only encrypted under the current key', () => {
    const { keyring } = freshKeys('k1');
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(secret);
    const stored = encryptWebhookSecret(secret, keyring);
    expect(stored).toMatch(/^v2\.k1\./);
    expect(stored).not.toContain(secret.slice(6));
    expect(decryptWebhookSecret(stored, keyring)).toBe(secret);
  });

  it('still reads the v1 values stored before ENCRYPTION_KEYS existed', () => {
    const secret = newWebhookSecret();
    expect(decryptWebhookSecret(legacyV1WebhookSecret(secret), freshKeys('k1').keyring)).toBe(secret);
  });
});
