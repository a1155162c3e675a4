import { DownloadGroup } from '@/components/badges/download-links';

/**
 * What a revoked or expired badge still offers: its record as JSON, labelled with what happened.
 * The images and signed tokens are not offered, since they travel as if the badge were current.
 */
export function RecordDownloads({ awardId, kind }: { awardId: string; kind: 'revoked' | 'expired' }) {
  const word = kind === 'revoked' ? 'Revoked' : 'Expired';
  return (
    <section aria-labelledby="downloads" className="flex flex-col gap-3">
      <h2 id="downloads" className="text-xl font-semibold">
        Download the record
      </h2>
      <p className="text-stone-700">
        {kind === 'revoked'
          ? 'This badge was revoked, so its images and signed tokens are no longer offered. You can keep its record: both files are named as revoked, and the Open Badges 2.0 one says why.'
          : 'This badge has expired, so its images and signed tokens are no longer offered. You can keep its record: each file shows the date it expired.'}
      </p>
      <DownloadGroup
        id="downloads-record"
        title={`${word} badge record`}
        downloads={[
          { href: `/badges/${awardId}/download/json`, label: `${word} badge (Open Badges 2.0, JSON)` },
          {
            href: `/ob/v3/credentials/${awardId}/download/json`,
            label: `${word} credential (Open Badges 3.0, JSON)`,
          },
        ]}
      />
    </section>
  );
}
