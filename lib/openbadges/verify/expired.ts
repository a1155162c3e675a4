import { parseDateTime } from './dates';
import type { VerificationReport } from './types';

/**
 * Whether a report's one failure is that the badge is past the expiry date its issuer set: a
 * genuine record that is no longer current. False when anything else failed, or when the dates
 * themselves are wrong (an expiry before the issue date is a malformed badge). Checks that could
 * not be made (a host was down) are neither; callers decide what they mean.
 */
export function failsOnlyByExpiry(report: VerificationReport): boolean {
  const failed = report.checks.filter((check) => check.status === 'fail');
  if (report.verdict !== 'invalid' || failed.length === 0) return false;
  if (!failed.every((check) => check.id === 'expiry')) return false;
  const expires = parseDateTime(report.badge?.expires);
  const issued = parseDateTime(report.badge?.issuedOn);
  const checkedAt = new Date(report.checkedAt);
  return expires !== undefined && expires <= checkedAt && (issued === undefined || issued <= expires);
}
