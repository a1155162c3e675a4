import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './sign';

const secret = 'whsec_test';
const body = '{"id":"d1","type":"award.created"}';
const now = new Date('2026-03-01T12:00:00Z');

describe('webhook signatures', () => {
  it('signs "<t>.<body>" with HMAC-SHA256 in the documented header format', () => {
    const header = signWebhook({ secret, body, now });
    const t = now.getTime() / 1000;
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(header).toBe(`t=${t},v1=${expected}`);
    expect(verifyWebhookSignature({ secret, header, body, now })).toBe(true);
  });

  it('rejects another body, another secret, or no header', () => {
    const header = signWebhook({ secret, body, now });
    expect(verifyWebhookSignature({ secret, header, body: `${body} `, now })).toBe(false);
    expect(verifyWebhookSignature({ secret: 'whsec_other', header, body, now })).toBe(false);
    expect(verifyWebhookSignature({ secret, header: undefined, body, now })).toBe(false);
    expect(verifyWebhookSignature({ secret, header: 'v1=abc', body, now })).toBe(false);
    expect(verifyWebhookSignature({ secret, header: header.replace(/v1=.{4}/, 'v1=zzzz'), body, now })).toBe(
      false,
    );
  });

  it('rejects a signature older than the tolerance, so a captured request cannot be replayed', () => {
    const header = signWebhook({ secret, body, now });
    const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);
    expect(verifyWebhookSignature({ secret, header, body, now: later(299) })).toBe(true);
    expect(verifyWebhookSignature({ secret, header, body, now: later(301) })).toBe(false);
    expect(verifyWebhookSignature({ secret, header, body, now: later(301), toleranceSeconds: 600 })).toBe(
      true,
    );
  });

  it('accepts any matching v1 entry', () => {
    const header = signWebhook({ secret, body, now });
    const [t, v1] = header.split(',');
    const withStale = `${t},v1=${'0'.repeat(64)},${v1}`;
    expect(verifyWebhookSignature({ secret, header: withStale, body, now })).toBe(true);
  });
});
