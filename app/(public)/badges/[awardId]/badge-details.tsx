import { BadgeSummary } from '@/components/badges/badge-summary';
import { EvidenceList } from '@/components/badges/evidence-list';
import { StatusLine } from '@/components/badges/status-line';
import { Card } from '@/components/ui/card';
import { awardStatus, type PublicAward } from '@/lib/badges/public-award';
import { formatDate } from '@/lib/format';

/** What was earned, by whom, from whom and how, with its status. */
export function BadgeDetails({ found }: { found: PublicAward }) {
  const { award, template, issuer, earnerName } = found;
  return (
    <>
      <h1 className="text-3xl font-bold [overflow-wrap:anywhere]">
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
          isSkillLinked
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
    </>
  );
}
