import type { CheckStatus, VerificationReport } from '@/lib/openbadges/verify/types';

const verdictText = {
  valid: 'Verified: every check passed.',
  warning: 'Verified, with a warning worth reading.',
  invalid: 'Not verified: at least one check failed.',
};
const verdictTone = {
  valid: 'border-green-700 bg-green-50 text-green-900',
  warning: 'border-amber-700 bg-amber-50 text-amber-950',
  invalid: 'border-red-700 bg-red-50 text-red-900',
};
const mark: Record<CheckStatus, { symbol: string; word: string; className: string }> = {
  pass: { symbol: '✓', word: 'Passed', className: 'text-green-800' },
  fail: { symbol: '✗', word: 'Failed', className: 'text-red-800' },
  warn: { symbol: '!', word: 'Warning', className: 'text-amber-900' },
  skip: { symbol: '–', word: 'Not checked', className: 'text-stone-700' },
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
        className={`rounded-md border-l-4 px-3 py-2 font-semibold ${verdictTone[report.verdict]}`}
        role="status"
      >
        {verdictText[report.verdict]}
      </p>
      <ul aria-labelledby={headingId} className="flex flex-col gap-2">
        {report.checks.map((check) => (
          <li key={check.id} className="flex gap-3" data-check={check.id} data-status={check.status}>
            <span aria-hidden="true" className={`w-5 text-center font-bold ${mark[check.status].className}`}>
              {mark[check.status].symbol}
            </span>
            <span>
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
