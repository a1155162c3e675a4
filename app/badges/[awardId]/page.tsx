import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { z } from 'zod';
import { BadgeSummary } from '@/components/badges/badge-summary';
import { EvidenceList } from '@/components/badges/evidence-list';
import { StatusLine } from '@/components/badges/status-line';
import { VerificationReportView } from '@/components/badges/verification-report';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { awardStatus, findPublicAward } from '@/lib/badges/public-award';
import { verifyOwnAward } from '@/lib/badges/verify-award';
import { getConfig } from '@/lib/config';
import { formatDate } from '@/lib/format';
import { DownloadLinks } from './download-links';

type Props = { params: Promise<{ awardId: string }>; searchParams: Promise<{ verify?: string }> };

const load = cache(async (awardId: string) =>
  z.uuid().safeParse(awardId).success ? findPublicAward(await getDb(), awardId) : null,
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load((await params).awardId);
  if (!found) return { title: 'Badge not found' };
  return {
    title: `${found.template.name} — ${found.earnerName}`,
    description: `${found.earnerName} earned ${found.template.name} from ${found.issuer.name}. ${found.template.description}`,
  };
}

export default async function PublicBadgePage({ params, searchParams }: Props) {
  const { awardId } = await params;
  const found = await load(awardId);
  if (!found) notFound();
  const { award, template, issuer, earnerName } = found;
  const isVerifying = (await searchParams).verify !== undefined;
  const report = isVerifying ? await verifyOwnAward(award, getConfig()) : null;

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">
        {earnerName} earned <span className="text-brand-800">{template.name}</span>
      </h1>
      <StatusLine status={awardStatus(award)} />
      <Card>
        <BadgeSummary
          badgeName={template.name}
          badgeDescription={template.description}
          badgeImageId={template.imageId}
          issuerName={issuer.name}
          issuerHref={`/issuers/${issuer.slug}`}
          criteriaNarrative={template.criteriaNarrative}
          criteriaUrl={template.criteriaUrl}
          skills={template.skills}
        >
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-stone-700">Earned by</dt>
            <dd>{earnerName}</dd>
            <dt className="text-stone-700">Issued</dt>
            <dd>{formatDate(award.issuedAt)}</dd>
            <dt className="text-stone-700">Expires</dt>
            <dd>{award.expiresAt ? formatDate(award.expiresAt) : 'Never'}</dd>
          </dl>
          <EvidenceList evidence={award.evidence} />
        </BadgeSummary>
      </Card>
      <section aria-labelledby="verification" className="flex flex-col gap-3">
        <h2 id="verification" className="text-xl font-semibold">
          Verification
        </h2>
        {report ? (
          <VerificationReportView report={report} headingId="verification" />
        ) : (
          <p className="text-stone-700">
            Check this badge with its issuer's hosted record, right now: that it is genuine, awarded to this
            person, not revoked and not expired.
          </p>
        )}
        <div className="flex flex-wrap gap-3">
          <ButtonLink href={`/badges/${award.id}?verify=1#verification`}>
            {report ? 'Verify again' : 'Verify this badge'}
          </ButtonLink>
          <Link href={`/badges/${award.id}/verification`} className="self-center text-sm underline">
            Verification as JSON
          </Link>
        </div>
      </section>
      <DownloadLinks awardId={award.id} />
    </div>
  );
}
