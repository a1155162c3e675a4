import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { EvidenceList } from '@/components/badges/evidence-list';
import { Card } from '@/components/ui/card';
import type { Award } from '@/db/schema';
import { findAwardWithHistory } from '@/lib/awards/history';
import { formatDate } from '@/lib/format';
import { consoleContext } from '../../../console';
import { AwardStatus } from '../award-status';
import { AwardActions } from './award-actions';
import { AwardHistory } from './award-history';

export const metadata: Metadata = { title: 'Award · Issuer console' };

type Props = { params: Promise<{ slug: string; awardId: string }> };

/** What the status means, beside the pill. */
const MEANING: Record<Award['state'], string> = {
  pending: 'The learner has not accepted or declined it yet.',
  accepted: 'The learner accepted it.',
  declined: 'The learner declined it.',
  opted_out: 'Not delivered: the learner has opted out of achievements.',
};

function meaningOf(award: Award, now = new Date()) {
  if (award.revokedAt) return 'It no longer verifies, and its page says so.';
  if (award.expiresAt && award.expiresAt <= now) return 'Its expiry date has passed.';
  return MEANING[award.state];
}

export default async function AwardPage({ params }: Props) {
  const { slug, awardId } = await params;
  const { issuer, db } = await consoleContext(slug, `/awards/${awardId}`);
  const found = await findAwardWithHistory(db, { issuerId: issuer.id, awardId });
  if (!found) notFound();
  const { award, badge, events } = found;
  const isPublic = award.state === 'accepted' && award.isPublic;
  return (
    <section aria-labelledby="award-heading" className="flex flex-col gap-6">
      <Link href={`/issuer/${issuer.slug}/awards`} className="self-start text-sm underline">
        All awards
      </Link>
      <h1 id="award-heading" className="text-xl font-semibold break-words">
        {badge.name} for {award.recipientName}
      </h1>
      <Card className="flex flex-col gap-4">
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <Row term="Recipient">
            {award.recipientName} ({award.recipientEmail})
          </Row>
          <Row term="Badge">
            {badge.name}
            {badge.archivedAt ? ' (template archived)' : null}
          </Row>
          <Row term="Status">
            <span className="flex flex-wrap items-center gap-2">
              <AwardStatus award={award} />
              <span>{meaningOf(award)}</span>
            </span>
          </Row>
          <Row term="Issued">{formatDate(award.issuedAt)}</Row>
          {award.expiresAt ? <Row term="Expires">{formatDate(award.expiresAt)}</Row> : null}
          {award.decidedAt ? (
            <Row term={award.state === 'declined' ? 'Declined' : 'Accepted'}>
              {formatDate(award.decidedAt)}
            </Row>
          ) : null}
          {award.revokedAt ? (
            <Row term="Revoked">
              {formatDate(award.revokedAt)}. Reason: {award.revocationReason}
            </Row>
          ) : null}
          {award.state === 'accepted' ? (
            <Row term="Visibility">{award.isPublic ? 'Public' : 'Private: only the learner sees it'}</Row>
          ) : null}
        </dl>
        <EvidenceList evidence={award.evidence} />
        {isPublic ? (
          <Link href={`/badges/${award.id}`} className="self-start underline">
            Public badge page
          </Link>
        ) : null}
      </Card>
      <Card className="flex flex-col gap-2">
        <h2 className="text-lg font-semibold">Actions</h2>
        {award.revokedAt ? <p className="text-stone-700">A revoked award cannot be changed.</p> : null}
        {/* Mounted even once revoked, so the outcome of revoking stays on screen. */}
        <AwardActions
          slug={issuer.slug}
          awardId={award.id}
          recipientEmail={award.recipientEmail}
          canRevoke={!award.revokedAt}
          canResend={award.state === 'pending' && !award.revokedAt}
          canNotify={award.state !== 'opted_out'}
        />
      </Card>
      <AwardHistory events={events} />
    </section>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium text-stone-700">{term}</dt>
      <dd className="break-words [overflow-wrap:anywhere]">{children}</dd>
    </>
  );
}
