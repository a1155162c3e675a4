import { VerificationReportView } from '@/components/badges/verification-report';
import { formatDate } from '@/lib/format';
import { importedUrls, provenanceLine } from '@/lib/imports/present';
import type { ShownImportedBadge } from '@/lib/imports/wallet';

/** The owner's view offers the original file; the public page names the earner instead. */
type Props = { badge: ShownImportedBadge } & (
  | { audience: 'owner' }
  | { audience: 'public'; earnerName: string }
);

const isWebAddress = (url: string | null): url is string => url !== null && /^https?:\/\//i.test(url);

/** A badge earned outside Laurel: what it says, where it came from, and its checks. */
export function ImportedBadgeView(props: Props) {
  const { badge } = props;
  const urls = importedUrls(badge.id);
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-start gap-6">
        {/* biome-ignore lint/performance/noImgElement: the imported file itself, served by our route */}
        <img src={urls.image} alt="" width={128} height={128} className="h-32 w-32 shrink-0 object-contain" />
        <div className="flex min-w-0 flex-col gap-2">
          <h1 className="text-3xl font-bold [overflow-wrap:anywhere]">{badge.badgeName}</h1>
          <p className="text-lg [overflow-wrap:anywhere]">
            {props.audience === 'public' ? `Earned by ${props.earnerName}. ` : null}
            {provenanceLine(badge, formatDate)}
          </p>
          {isWebAddress(badge.issuerUrl) ? (
            <p className="text-sm [overflow-wrap:anywhere]">
              Issuer's site:{' '}
              <a href={badge.issuerUrl} rel="noopener noreferrer nofollow" className="underline">
                {badge.issuerUrl}
              </a>
            </p>
          ) : null}
        </div>
      </header>
      {badge.description ? (
        <p className="whitespace-pre-line [overflow-wrap:anywhere]">{badge.description}</p>
      ) : null}
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        {badge.issuedAt ? (
          <>
            <dt className="font-medium">Issued</dt>
            <dd className="mb-2 sm:mb-0">{formatDate(badge.issuedAt)}</dd>
          </>
        ) : null}
        {badge.expiresAt ? (
          <>
            <dt className="font-medium">{badge.status === 'expired' ? 'Expired' : 'Expires'}</dt>
            <dd className="mb-2 sm:mb-0">{formatDate(badge.expiresAt)}</dd>
          </>
        ) : null}
        <dt className="font-medium">Format</dt>
        <dd className="mb-2 sm:mb-0">{badge.format}</dd>
        <dt className="font-medium">Recipient</dt>
        <dd className="mb-2 sm:mb-0">
          {badge.isRecipientChecked
            ? 'Checked: awarded to an email address the earner has verified with Laurel.'
            : 'Recipient not checked: the badge names no email address.'}
        </dd>
      </dl>
      <section aria-labelledby="checks-heading" className="flex flex-col gap-3">
        <h2 id="checks-heading" className="text-xl font-semibold">
          Checks, {formatDate(badge.verifiedAt)}
        </h2>
        <VerificationReportView report={badge.report} headingId="checks-heading" />
      </section>
      {props.audience === 'owner' && (
        <p>
          <a href={urls.download} className="font-medium underline">
            Download the original file
          </a>{' '}
          <span className="text-sm text-stone-700">
            (exactly as it was added, signed by its issuer; only you can download it, as it may show your
            email address)
          </span>
        </p>
      )}
    </div>
  );
}
