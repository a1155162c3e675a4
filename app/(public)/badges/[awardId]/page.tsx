import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DownloadLinks } from '@/components/badges/download-links';
import { ButtonLink } from '@/components/ui/button';
import { BadgeDetails } from './badge-details';
import { badgeMetadata, loadPublicAward } from './load';

type Props = { params: Promise<{ awardId: string }> };

// Rendered on first request, then served from the cache. Changes to an award (accept, revoke,
// and later visibility) revalidate this path at once in the process that makes them; the
// interval bounds how stale another app process can be.
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
  return (
    <div className="flex flex-col gap-6">
      <BadgeDetails found={found} />
      <section aria-labelledby="verification" className="flex flex-col gap-3">
        <h2 id="verification" className="text-xl font-semibold">
          Verification
        </h2>
        <p className="text-stone-700">
          Check this badge with its issuer's hosted record, right now: that it is genuine, awarded to this
          person, not revoked and not expired.
        </p>
        <div>
          <ButtonLink href={`/badges/${found.award.id}/verify#verification`}>Verify this badge</ButtonLink>
        </div>
      </section>
      <DownloadLinks awardId={found.award.id} />
    </div>
  );
}
