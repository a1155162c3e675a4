import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { AddToWallet, credentialLinksFor } from '@/components/badges/add-to-wallet';
import { BadgeSummary } from '@/components/badges/badge-summary';
import { EvidenceList } from '@/components/badges/evidence-list';
import { RelatedJobsPanel } from '@/components/labor-market/related-jobs-panel';
import { Card } from '@/components/ui/card';
import { FormMessage } from '@/components/ui/form-message';
import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { findWalletBadge } from '@/lib/awards/wallet';
import { awardStatus } from '@/lib/badges/public-award';
import { shareableBadge } from '@/lib/badges/share-targets';
import { getConfig } from '@/lib/config';
import { formatDate } from '@/lib/format';
import { getSettings } from '@/lib/profile/settings';
import { linkedInAddToProfileUrl } from '@/lib/share/links';
import { profileStatus } from '../profile-status';
import { EndedNotice } from './ended-notice';
import { NextSteps } from './next-steps';
import { OwnerPanel } from './owner-panel';
import { PendingDecision } from './pending-decision';

export const metadata: Metadata = { title: 'Badge' };

type Props = { params: Promise<{ awardId: string }>; searchParams: Promise<{ accepted?: string }> };

/**
 * One badge of the wallet. What matters most comes first: the decision on a pending badge, what
 * happened to a revoked or expired one, and what to do next with one just accepted.
 */
export default async function WalletBadgePage({ params, searchParams }: Props) {
  const { awardId } = await params;
  const user = await requireUser(`/wallet/${encodeURIComponent(awardId)}`);
  if (!z.uuid().safeParse(awardId).success) notFound();
  const db = await getDb();
  const badge = await findWalletBadge(db, { userId: user.id, awardId });
  if (!badge) notFound();
  const isJustAccepted = Boolean((await searchParams).accepted) && badge.state === 'accepted';
  const status = awardStatus(badge);
  const issuer = { name: badge.issuerName, email: badge.issuerEmail, url: badge.issuerUrl };

  return (
    <div className="flex flex-col gap-6">
      <Link href="/wallet" className="text-sm underline">
        ← Back to your wallet
      </Link>
      <h1 className="sr-only">{badge.badgeName}</h1>
      {badge.state === 'pending' ? (
        <Card className="flex flex-col gap-3">
          <h2 className="text-xl font-semibold">
            Accept {badge.badgeName} from {badge.issuerName}?
          </h2>
          <p className="text-stone-700">
            It was sent to {badge.recipientEmail}, one of your confirmed addresses. The badge's details are
            below.
          </p>
          <PendingDecision awardId={badge.id} badgeName={badge.badgeName} issuerName={badge.issuerName} />
        </Card>
      ) : null}
      {isJustAccepted && status.kind === 'valid' ? (
        <NextSteps
          awardId={badge.id}
          initialIsPublic={badge.isPublic}
          linkedInUrl={linkedInAddToProfileUrl(
            shareableBadge(
              {
                awardId: badge.id,
                badgeName: badge.badgeName,
                issuerName: badge.issuerName,
                earnerName: user.name,
                issuedAt: badge.issuedAt,
                expiresAt: badge.expiresAt,
              },
              getConfig().appUrl,
            ),
          )}
          profile={profileStatus(await getSettings(db, user.id))}
        />
      ) : null}
      {isJustAccepted && status.kind !== 'valid' ? (
        <FormMessage tone="success">Badge accepted. It is now in your wallet.</FormMessage>
      ) : null}
      {badge.state === 'accepted' && status.kind !== 'valid' ? (
        <EndedNotice status={status} issuer={issuer} />
      ) : null}
      <Card>
        <BadgeSummary {...badge} isSkillLinked>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-stone-700">Issued</dt>
            <dd>{formatDate(badge.issuedAt)}</dd>
            <dt className="text-stone-700">{status.kind === 'expired' ? 'Expired' : 'Expires'}</dt>
            <dd>{badge.expiresAt ? formatDate(badge.expiresAt) : 'Never'}</dd>
            <dt className="text-stone-700">Sent to</dt>
            <dd className="[overflow-wrap:anywhere]">{badge.recipientEmail}</dd>
          </dl>
          <EvidenceList evidence={badge.evidence} />
        </BadgeSummary>
      </Card>
      {badge.state === 'accepted' ? (
        <OwnerPanel badge={badge} earnerName={user.name} status={status} />
      ) : null}
      {badge.state === 'accepted' && status.kind === 'valid' ? (
        <Card>
          <AddToWallet links={credentialLinksFor(getConfig().appUrl, badge.id)} />
        </Card>
      ) : null}
      <RelatedJobsPanel tags={badge.skills} />
    </div>
  );
}
