import { readableDate } from '@/lib/openbadges/verify/dates';
import { failsOnlyByExpiry } from '@/lib/openbadges/verify/expired';
import type { CheckStatus, Verdict, VerificationReport } from '@/lib/openbadges/verify/types';

/** Genuine, every check made, and only past its expiry date: a record, not a failure to verify. */
const isExpiredRecord = (report: VerificationReport) =>
  failsOnlyByExpiry(report) && !report.checks.some((check) => check.status === 'unknown');

/** The verdict in one sentence, with the reason when it is not plainly verified. */
function verdictText(report: VerificationReport): string {
  const reason = (status: CheckStatus) => report.checks.find((check) => check.status === status)?.label;
  if (report.verdict === 'valid') return 'Verified: every check passed.';
  if (report.verdict === 'warning') return 'Verified, with a warning worth reading.';
  if (isExpiredRecord(report)) {
    return `Genuine, but expired on ${readableDate(report.badge?.expires ?? '')}: it is no longer current.`;
  }
  if (report.verdict === 'invalid') {
    const why = reason('fail');
    return `Not verified: at least one check failed.${why ? ` ${why}.` : ''}`;
  }
  const hosts = report.unreachable ?? [];
  return hosts.length > 0
    ? `Could not check: ${hosts.join(', ')} could not be reached. Try again later.`
    : `Could not check: ${reason('unknown') ?? 'a linked document could not be fetched'}.`;
}

const verdictTone: Record<Verdict, string> = {
  valid: 'border-green-700 bg-green-50 text-green-900',
  warning: 'border-amber-700 bg-amber-50 text-amber-950',
  invalid: 'border-red-700 bg-red-50 text-red-900',
  unknown: 'border-stone-600 bg-stone-100 text-stone-900',
};
const mark: Record<CheckStatus, { symbol: string; word: string; className: string }> = {
  pass: { symbol: '✓', word: 'Passed', className: 'text-green-800' },
  fail: { symbol: '✗', word: 'Failed', className: 'text-red-800' },
  warn: { symbol: '!', word: 'Warning', className: 'text-amber-900' },
  skip: { symbol: '–', word: 'Not checked', className: 'text-stone-700' },
  unknown: { symbol: '?', word: 'Could not check', className: 'text-stone-800' },
};

/** A verification result as a list of plain-language checks, each marked in words as well as symbols. */
export function VerificationReportView({
  report,
  headingId,
}: {
  report: VerificationReport;
  headingId: string;
}) {
  return (
    <div className="flex flex-col gap-3">
      <p
        className={`rounded-md border-l-4 px-3 py-2 font-semibold [overflow-wrap:anywhere] ${isExpiredRecord(report) ? verdictTone.warning : verdictTone[report.verdict]}`}
        role="status"
      >
        {verdictText(report)}
      </p>
      <ul aria-labelledby={headingId} className="flex flex-col gap-2">
        {report.checks.map((check) => (
          <li key={check.id} className="flex gap-3" data-check={check.id} data-status={check.status}>
            <span
              aria-hidden="true"
              className={`w-5 shrink-0 text-center font-bold ${mark[check.status].className}`}
            >
              {mark[check.status].symbol}
            </span>
            {/* min-w-0 and anywhere-wrapping: a DID or key id is one long word that must not widen the page. */}
            <span className="min-w-0 [overflow-wrap:anywhere]">
              <span className="font-medium">{check.label}</span>{' '}
              <span className={`text-sm ${mark[check.status].className}`}>({mark[check.status].word})</span>
              <span className="block text-sm text-stone-700">{check.detail}</span>
            </span>
          </li>
        ))}
      </ul>
      <p className="text-sm text-stone-700">Checked {new Date(report.checkedAt).toUTCString()}.</p>
    </div>
  );
}
