import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ImportedBadgeView } from '@/components/badges/imported-badge-view';
import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { importedShareLinks, importedUrls } from '@/lib/imports/present';
import { freshImportedReport } from '@/lib/imports/reverify';
import { verifierOptions } from '@/lib/imports/verifier';
import { findOwnImportedBadge, publicRefusal } from '@/lib/imports/wallet';
import { ImportedControls } from './imported-controls';
import { RemoveImported } from './remove-imported';

export const metadata: Metadata = { title: 'A badge from elsewhere' };

type Props = { params: Promise<{ id: string }> };

export default async function WalletImportedPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/wallet/imported/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const db = await getDb();
  const found = await findOwnImportedBadge(db, { userId: user.id, id });
  if (!found) notFound();
  const badge = await freshImportedReport(db, found, verifierOptions());
  const share = importedShareLinks(badge, { appUrl: getConfig().appUrl, earnerName: user.name });
  return (
    <div className="flex flex-col gap-8">
      <p>
        <Link href="/wallet" className="underline">
          ← Your wallet
        </Link>
      </p>
      <ImportedBadgeView badge={badge} audience="owner" />
      <ImportedControls
        id={badge.id}
        initialIsPublic={badge.isPublic}
        publicRefusal={publicRefusal(badge)}
        isShareable={badge.status !== 'expired'}
        publicPath={importedUrls(badge.id).page}
        shareUrl={share.publicUrl}
        links={share.links}
      />
      <RemoveImported id={badge.id} name={badge.badgeName} />
    </div>
  );
}
