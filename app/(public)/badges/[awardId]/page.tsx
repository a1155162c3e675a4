import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ViewBeacon, VisitorShareLinks } from '@/components/badges/badge-beacon';
import { DownloadLinks } from '@/components/badges/download-links';
import { RelatedJobsPanel } from '@/components/labor-market/related-jobs-panel';
import { ButtonLink } from '@/components/ui/button';
import { shareableBadge, socialLinks } from '@/lib/badges/share-targets';
import { getConfig } from '@/lib/config';
import { BadgeDetails } from './badge-details';
import { badgeMetadata, loadPublicAward } from './load';

type Props = { params: Promise<{ awardId: string }> };

// Rendered on first request, then served from the cache. Changes to an award (accept, revoke,
// visibility, the earner's name) revalidate this path at once: in every app instance when they
// share the Redis cache (REDIS_URL), else in the process that makes them.
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return badgeMetadata((await params).awardId);
}

export default async function PublicBadgePage({ params }: Props) {
  const found = await loadPublicAward((await params).awardId);
  if (!found) notFound();
  const badge = shareableBadge(
    {
      awardId: found.award.id,
      badgeName: found.template.name,
      issuerName: found.issuer.name,
      earnerName: found.earnerName,
      issuedAt: found.award.issuedAt,
      expiresAt: found.award.expiresAt,
    },
    getConfig().appUrl,
  );
  return (
    <div className="flex flex-col gap-6">
      <BadgeDetails found={found} />
      <section aria-labelledby="verification" className="flex flex-col gap-3">
        <h2 id="verification" className="text-xl font-semibold">
          Verification
        </h2>
        <p className="text-stone-700">
          Check this badge's signed credential with its issuer, right now: that it is genuine, awarded to this
          person, not revoked and not expired.
        </p>
        <div>
          <ButtonLink href={`/badges/${found.award.id}/verify#verification`}>Verify this badge</ButtonLink>
        </div>
      </section>
      <section aria-labelledby="share" className="flex flex-col gap-3">
        <h2 id="share" className="text-xl font-semibold">
          Share
        </h2>
        <VisitorShareLinks awardId={found.award.id} links={socialLinks(badge)} />
      </section>
      <RelatedJobsPanel tags={found.template.skills} />
      <DownloadLinks awardId={found.award.id} />
      <ViewBeacon awardId={found.award.id} />
    </div>
  );
}
