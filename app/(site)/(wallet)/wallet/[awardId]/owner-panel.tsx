import { DownloadLinks } from '@/components/badges/download-links';
import { Card } from '@/components/ui/card';
import type { WalletBadge } from '@/lib/awards/wallet';
import type { AwardStatus } from '@/lib/badges/public-award';
import { shareableBadge, shareTargets } from '@/lib/badges/share-targets';
import { getConfig } from '@/lib/config';
import { RecordDownloads } from './record-downloads';
import { SharePanel } from './share-panel';
import { VisibilityControl } from './visibility-control';

type Props = { badge: WalletBadge; earnerName: string; status: AwardStatus };

/**
 * What the owner of an accepted badge controls: visibility, sharing, downloads, and its counts.
 * A revoked or expired badge is not shared or offered as a file, only as its marked record.
 */
export function OwnerPanel({ badge, earnerName, status }: Props) {
  return (
    <>
      <section id="visibility" aria-labelledby="visibility-heading">
        <Card className="flex flex-col gap-3">
          <h2 id="visibility-heading" className="text-xl font-semibold">
            Who can see this badge?
          </h2>
          <VisibilityControl
            awardId={badge.id}
            initialIsPublic={badge.isPublic}
            isShareable={status.kind === 'valid'}
            publicRefusal={
              status.kind === 'revoked' ? 'Not available: the issuer revoked this badge.' : undefined
            }
          />
        </Card>
      </section>
      {status.kind === 'valid' ? <ShareSection badge={badge} earnerName={earnerName} /> : null}
      <section aria-labelledby="stats-heading">
        <h2 id="stats-heading" className="text-xl font-semibold">
          Activity
        </h2>
        <p className="text-sm text-stone-700">
          Counts only: a visitor counts once a day, and Laurel stores nothing about who looked.
        </p>
        <dl className="mt-2 flex gap-8">
          {[
            ['Views', badge.viewCount],
            ['Verifications', badge.verifyCount],
            ['Shares', badge.shareCount],
          ].map(([label, count]) => (
            <div key={label}>
              <dt className="text-sm text-stone-700">{label}</dt>
              <dd className="text-2xl font-semibold" data-testid={`count-${String(label).toLowerCase()}`}>
                {count}
              </dd>
            </div>
          ))}
        </dl>
      </section>
      {status.kind === 'valid' ? (
        <DownloadLinks awardId={badge.id} withCredential={false} />
      ) : (
        <RecordDownloads awardId={badge.id} kind={status.kind} />
      )}
    </>
  );
}

async function ShareSection({ badge, earnerName }: { badge: WalletBadge; earnerName: string }) {
  const targets = await shareTargets(
    shareableBadge(
      {
        awardId: badge.id,
        badgeName: badge.badgeName,
        issuerName: badge.issuerName,
        earnerName,
        issuedAt: badge.issuedAt,
        expiresAt: badge.expiresAt,
      },
      getConfig().appUrl,
    ),
  );
  return (
    <section id="share" aria-labelledby="share-heading">
      <Card className="flex flex-col gap-3">
        <h2 id="share-heading" className="text-xl font-semibold">
          Share
        </h2>
        <SharePanel awardId={badge.id} initialIsPublic={badge.isPublic} targets={targets} />
      </Card>
    </section>
  );
}
