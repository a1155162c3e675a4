import type { AwardStatus } from '@/lib/badges/public-award';
import { formatDate } from '@/lib/format';

const tone = {
  valid: 'border-green-700 bg-green-50 text-green-900',
  expired: 'border-amber-700 bg-amber-50 text-amber-950',
  revoked: 'border-red-700 bg-red-50 text-red-900',
};

/** Valid, expired (on a date) or revoked (with the issuer's reason), in words, not colour alone. */
export function StatusLine({ status }: { status: AwardStatus }) {
  return (
    <p
      className={`rounded-md border-l-4 px-3 py-2 font-medium [overflow-wrap:anywhere] ${tone[status.kind]}`}
      data-testid="badge-status"
    >
      {status.kind === 'valid' ? 'Valid — this badge is current.' : null}
      {status.kind === 'expired' ? `Expired on ${formatDate(status.on)}.` : null}
      {status.kind === 'revoked'
        ? `Revoked on ${formatDate(status.on)} by the issuer. Reason: ${status.reason}`
        : null}
    </p>
  );
}
