import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { DownloadLinks } from '@/components/badges/download-links';
import { VerificationReportView } from '@/components/badges/verification-report';
import { ButtonLink } from '@/components/ui/button';
import { getDb } from '@/db/client';
import { countBadgeEvent } from '@/lib/awards/visibility';
import { verifyOwnAward } from '@/lib/badges/verify-award';
import { getConfig } from '@/lib/config';
import { BadgeDetails } from '../badge-details';
import { badgeMetadata, loadPublicAward } from '../load';
import { EmailCheckForm } from './email-check-form';

type Props = { params: Promise<{ awardId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { ...(await badgeMetadata((await params).awardId)), robots: { index: false } };
}

/** The badge page with a verification run right now, for this request. */
export default async function VerifyBadgePage({ params }: Props) {
  await connection();
  const found = await loadPublicAward((await params).awardId);
  if (!found) notFound();
  const db = await getDb();
  const report = await verifyOwnAward(db, { found, appUrl: getConfig().appUrl });
  await countBadgeEvent(db, { awardId: found.award.id, event: 'verify' });
  return (
    <div className="flex flex-col gap-6">
      <BadgeDetails found={found} />
      <section aria-labelledby="verification" className="flex flex-col gap-3">
        <h2 id="verification" className="text-xl font-semibold">
          Verification
        </h2>
        <VerificationReportView report={report} headingId="verification" />
        <div className="flex flex-wrap gap-3">
          <ButtonLink href={`/badges/${found.award.id}/verify#verification`}>Verify again</ButtonLink>
          <Link href={`/badges/${found.award.id}/verification`} className="self-center text-sm underline">
            Verification as JSON
          </Link>
          <Link href={`/badges/${found.award.id}`} className="self-center text-sm underline">
            Back to the badge
          </Link>
        </div>
      </section>
      <section aria-labelledby="check-email" className="flex flex-col gap-3">
        <h2 id="check-email" className="text-xl font-semibold">
          Check an email address
        </h2>
        <p className="text-stone-700">
          Know the earner's email address? Type it to confirm this badge was awarded to it.
        </p>
        <EmailCheckForm awardId={found.award.id} />
      </section>
      <DownloadLinks awardId={found.award.id} />
    </div>
  );
}
