import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { z } from 'zod';
import { ImportedBadgeView } from '@/components/badges/imported-badge-view';
import { ShareLinkList } from '@/components/badges/share-link-list';
import { getDb } from '@/db/client';
import { getConfig } from '@/lib/config';
import { importedShareLinks } from '@/lib/imports/present';
import { freshImportedReport } from '@/lib/imports/reverify';
import { verifierOptions } from '@/lib/imports/verifier';
import { findPublicImportedBadge } from '@/lib/imports/wallet';

type Props = { params: Promise<{ id: string }> };

// Per request from the database: a change of privacy shows at once on every instance.
const load = cache(async (id: string) => {
  if (!z.uuid().safeParse(id).success) return null;
  return findPublicImportedBadge(await getDb(), id);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const badge = await load((await params).id);
  if (!badge) return { title: 'Badge not shared' };
  return {
    title: `${badge.badgeName} — ${badge.earnerName}`,
    description: `${badge.badgeName}, issued by ${badge.issuerName} outside Laurel to ${badge.earnerName}.`,
  };
}

export default async function ImportedBadgePage({ params }: Props) {
  const found = await load((await params).id);
  if (!found) notFound();
  const badge = await freshImportedReport(await getDb(), found, verifierOptions());
  const share = importedShareLinks(badge, { appUrl: getConfig().appUrl, earnerName: badge.earnerName });
  return (
    <div className="flex flex-col gap-6">
      <ImportedBadgeView badge={badge} audience="public" earnerName={badge.earnerName} />
      {badge.status === 'expired' ? null : (
        <section aria-labelledby="share" className="flex flex-col gap-3">
          <h2 id="share" className="text-xl font-semibold">
            Share
          </h2>
          <ShareLinkList links={share.links} />
        </section>
      )}
    </div>
  );
}
