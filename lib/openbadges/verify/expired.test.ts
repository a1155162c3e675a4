import { describe, expect, it } from 'vitest';
import { failsOnlyByExpiry } from './expired';
import type { Check, VerificationReport } from './types';

const check = (id: string, status: Check['status']): Check => ({ id, status, label: id, detail: '' });
const expired: VerificationReport = {
  verdict: 'invalid',
  checks: [check('signature', 'pass'), check('expiry', 'fail')],
  badge: { issuedOn: '2024-01-15T10:00:00Z', expires: '2025-01-15T10:00:00+0000' },
  checkedAt: '2026-12-07T00:00:00Z',
};

describe('a badge whose one failure is its expiry', () => {
  it('is one when the expiry date has passed and follows the issue date', () => {
    expect(failsOnlyByExpiry(expired)).toBe(true);
    expect(failsOnlyByExpiry({ ...expired, badge: { expires: '2025-01-15T10:00:00Z' } })).toBe(true);
    // A check that could not be made is not a failure: the caller decides what it means.
    expect(failsOnlyByExpiry({ ...expired, checks: [...expired.checks, check('revoked', 'unknown')] })).toBe(
      true,
    );
  });

  it('is not one when something else failed, or the dates are wrong or missing', () => {
    expect(
      failsOnlyByExpiry({ ...expired, checks: [check('signature', 'fail'), check('expiry', 'fail')] }),
    ).toBe(false);
    expect(failsOnlyByExpiry({ ...expired, checks: [check('revoked', 'fail')] })).toBe(false);
    expect(failsOnlyByExpiry({ ...expired, verdict: 'valid', checks: [check('expiry', 'pass')] })).toBe(
      false,
    );
    expect(
      failsOnlyByExpiry({
        ...expired,
        badge: { issuedOn: '2025-06-01T00:00:00Z', expires: '2025-01-15T10:00:00Z' },
      }),
    ).toBe(false);
    expect(failsOnlyByExpiry({ ...expired, badge: { expires: '2027-01-01T00:00:00Z' } })).toBe(false);
    expect(failsOnlyByExpiry({ ...expired, badge: { expires: 'soon' } })).toBe(false);
    expect(failsOnlyByExpiry({ ...expired, badge: undefined })).toBe(false);
  });
});
