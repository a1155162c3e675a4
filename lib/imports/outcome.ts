import { failsOnlyByExpiry } from '@/lib/openbadges/verify/expired';
import type { Check, VerificationReport } from '@/lib/openbadges/verify/types';

/** What an imported badge's checks come to: its status in the wallet. */
export type ImportedStatus = 'verified' | 'unverified' | 'expired' | 'invalid';

export type Judgement =
  | { kind: 'verified' }
  /** A host it needs could not be reached: kept, and checked again later. */
  | { kind: 'unverified' }
  /** Genuine, but past the expiry date its issuer set: kept as a record of what was earned. */
  | { kind: 'expired' }
  | { kind: 'refused'; reason: string };

/** The status a report gives a kept badge: a host not reached leaves it unverified, to try again. */
export function importedStatus(report: VerificationReport): ImportedStatus {
  const hasUnknown = report.checks.some((check) => check.status === 'unknown');
  if (report.verdict === 'invalid') {
    if (!failsOnlyByExpiry(report)) return 'invalid';
    return hasUnknown ? 'unverified' : 'expired';
  }
  return report.verdict === 'unknown' ? 'unverified' : 'verified';
}

/** The failed check that best says why: revocation first, then the proof, then the first. */
function mainFailure(checks: Check[]): Check | undefined {
  const failed = checks.filter((check) => check.status === 'fail');
  return (
    failed.find((check) => check.id === 'revoked') ??
    failed.find((check) => ['signature', 'proof', 'issuer-key'].includes(check.id)) ??
    failed[0]
  );
}

const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/**
 * What the verifier's verdict means for an import: valid or with warnings is added; expired but
 * otherwise sound is added as expired; any other failure (revoked, forged, malformed) is refused
 * with its reason; a host that could not be reached leaves it unverified, kept only when the badge
 * itself could be read.
 */
export function judge(report: VerificationReport, hasDocument: boolean): Judgement {
  const status = importedStatus(report);
  if (status === 'invalid') {
    const failure = mainFailure(report.checks);
    const reason = failure
      ? `${sentence(failure.label)} ${sentence(failure.detail)}`
      : 'It did not pass verification.';
    return { kind: 'refused', reason };
  }
  if (!hasDocument) {
    const hosts = report.unreachable?.join(', ');
    return {
      kind: 'refused',
      reason: hosts
        ? `Laurel could not reach ${hosts} to read this badge. Try again later.`
        : 'No badge was found in what was given.',
    };
  }
  return { kind: status };
}

/** The report with Laurel's own recipient line in place of the verifier's. */
export function withRecipientCheck(report: VerificationReport, check: Check): VerificationReport {
  const others = report.checks.filter((item) => item.id !== 'recipient');
  return { ...report, checks: [...others, check] };
}
