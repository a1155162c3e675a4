import { describe, expect, it } from 'vitest';
import type { Check, VerificationReport } from '@/lib/openbadges/verify/types';
import { importedStatus, judge } from './outcome';

const check = (id: string, status: Check['status']): Check => ({
  id,
  status,
  label: `${id} label`,
  detail: 'Why.',
});
const dates = { issuedOn: '2023-01-01T00:00:00Z', expires: '2024-01-01T00:00:00Z' };
const report = (
  verdict: VerificationReport['verdict'],
  checks: Check[],
  badge: VerificationReport['badge'] = dates,
): VerificationReport => ({ verdict, checks, badge, checkedAt: '2026-12-07T00:00:00Z' });
const expiredOnly = report('invalid', [check('proof', 'pass'), check('expiry', 'fail')]);

describe('what an imported badge’s checks come to', () => {
  it('is verified when nothing failed, and unverified when a host could not be reached', () => {
    expect(importedStatus(report('valid', [check('proof', 'pass')]))).toBe('verified');
    expect(importedStatus(report('warning', [check('proof', 'warn')]))).toBe('verified');
    expect(importedStatus(report('unknown', [check('proof', 'unknown')]))).toBe('unverified');
  });

  it('is expired when the expiry is the only failure and its date has passed', () => {
    expect(importedStatus(expiredOnly)).toBe('expired');
    expect(importedStatus({ ...expiredOnly, badge: { expires: dates.expires } })).toBe('expired');
    expect(judge(expiredOnly, true)).toEqual({ kind: 'expired' });
  });

  it('is refused when anything else failed too, or the dates do not make an expiry', () => {
    const forgedAndExpired = report('invalid', [check('proof', 'fail'), check('expiry', 'fail')]);
    expect(importedStatus(forgedAndExpired)).toBe('invalid');
    expect(judge(forgedAndExpired, true)).toEqual({ kind: 'refused', reason: 'proof label. Why.' });
    // Expiring before being issued is a malformed badge, not an expired one.
    const backwards = { issuedOn: '2024-06-01T00:00:00Z', expires: dates.expires };
    expect(importedStatus({ ...expiredOnly, badge: backwards })).toBe('invalid');
    expect(importedStatus({ ...expiredOnly, badge: {} })).toBe('invalid');
    expect(importedStatus({ ...expiredOnly, badge: { expires: '2027-01-01T00:00:00Z' } })).toBe('invalid');
    expect(judge({ ...expiredOnly, badge: {} }, true)).toMatchObject({ kind: 'refused' });
  });

  it('waits to be checked again when it is expired but a host could not be reached', () => {
    expect(importedStatus(report('invalid', [check('proof', 'unknown'), check('expiry', 'fail')]))).toBe(
      'unverified',
    );
  });
});
