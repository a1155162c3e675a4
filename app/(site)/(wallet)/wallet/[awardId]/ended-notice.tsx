import { IssuerContact } from '@/components/badges/issuer-contact';
import type { AwardStatus } from '@/lib/badges/public-award';
import { formatDate } from '@/lib/format';

type Props = {
  status: Exclude<AwardStatus, { kind: 'valid' }>;
  issuer: { name: string; email: string; url: string };
};

const tone = {
  revoked: 'border-red-700 bg-red-50 text-red-950',
  expired: 'border-amber-700 bg-amber-50 text-amber-950',
};

/** The first thing on a revoked or expired badge's page: what happened, when, and whom to ask. */
export function EndedNotice({ status, issuer }: Props) {
  const heading =
    status.kind === 'revoked'
      ? `Revoked by ${issuer.name} on ${formatDate(status.on)}: ${status.reason}`
      : `Expired on ${formatDate(status.on)}`;
  return (
    <section
      aria-labelledby="ended-heading"
      data-testid="ended-notice"
      className={`flex flex-col gap-2 rounded-lg border-l-4 p-4 sm:p-6 ${tone[status.kind]}`}
    >
      <h2 id="ended-heading" className="text-xl font-semibold [overflow-wrap:anywhere]">
        {heading}
      </h2>
      <p>
        {status.kind === 'revoked'
          ? 'This badge is no longer valid. It stays in your wallet as a record, but it can no longer be shared or downloaded as a badge: anyone who checks it is told it was revoked.'
          : `${issuer.name} awarded this badge until ${formatDate(status.on)}. It stays in your wallet as a record, but it can no longer be shared or downloaded as a badge: anyone who checks it is told it has expired.`}
      </p>
      <p>
        {status.kind === 'revoked' ? 'Think this is a mistake? ' : 'To renew it, ask the issuer. '}
        <IssuerContact name={issuer.name} email={issuer.email} url={issuer.url} />
      </p>
    </section>
  );
}
