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
import { getConfig } from '@/lib/config';
import { formatDate } from '@/lib/format';
import { OwnerPanel } from './owner-panel';
import { PendingDecision } from './pending-decision';

export const metadata: Metadata = { title: 'Badge' };

type Props = { params: Promise<{ awardId: string }>; searchParams: Promise<{ accepted?: string }> };

export default async function WalletBadgePage({ params, searchParams }: Props) {
  const { awardId } = await params;
  const user = await requireUser(`/wallet/${encodeURIComponent(awardId)}`);
  if (!z.uuid().safeParse(awardId).success) notFound();
  const badge = await findWalletBadge(await getDb(), { userId: user.id, awardId });
  if (!badge) notFound();
  const { accepted } = await searchParams;

  return (
    <div className="flex flex-col gap-6">
      <Link href="/wallet" className="text-sm underline">
        ← Back to your wallet
      </Link>
      <h1 className="sr-only">{badge.badgeName}</h1>
      {accepted ? <FormMessage tone="success">Badge accepted. It is now in your wallet.</FormMessage> : null}
      <Card>
        <BadgeSummary {...badge} isSkillLinked>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-stone-700">Issued</dt>
            <dd>{formatDate(badge.issuedAt)}</dd>
            <dt className="text-stone-700">Expires</dt>
            <dd>{badge.expiresAt ? formatDate(badge.expiresAt) : 'Never'}</dd>
            <dt className="text-stone-700">Sent to</dt>
            <dd>{badge.recipientEmail}</dd>
          </dl>
          <EvidenceList evidence={badge.evidence} />
        </BadgeSummary>
      </Card>
      {badge.state === 'accepted' ? <OwnerPanel badge={badge} earnerName={user.name} /> : null}
      {badge.state === 'accepted' ? (
        <Card>
          <AddToWallet links={credentialLinksFor(getConfig().appUrl, badge.id)} />
        </Card>
      ) : null}
      <RelatedJobsPanel tags={badge.skills} />
      {badge.state === 'pending' ? (
        <Card className="flex flex-col gap-3">
          <h2 className="text-xl font-semibold">Accept this badge?</h2>
          <p className="text-stone-700">
            It was sent to {badge.recipientEmail}, one of your confirmed addresses.
          </p>
          <PendingDecision awardId={badge.id} badgeName={badge.badgeName} issuerName={badge.issuerName} />
        </Card>
      ) : null}
    </div>
  );
}
