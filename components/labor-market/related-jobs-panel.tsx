import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { slugify } from '@/lib/labor-market/normalize';
import { formatAmount, formatCount, unitText } from '@/lib/labor-market/pages/format';
import type { PayUnit } from '@/lib/labor-market/pages/pay';
import { findRelatedOccupations, type RelatedOccupation } from '@/lib/labor-market/related';
import { LaborMarketCredits, NoLaborMarketData } from './credits';
import { SearchElsewhere } from './search-elsewhere';

const SHOWN = 5;

const money = (value: number, unit: PayUnit) => formatAmount({ value, isAtLeast: false }, unit);
const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${formatCount(n)} ${many}`);

/** Occupations whose skills best match a badge's skill tags, with pay and where to find listings. */
export async function RelatedJobsPanel({ tags }: { tags: string[] }) {
  const result = tags.length ? await findRelatedOccupations(await getDb(), { tags, limit: SHOWN }) : null;
  const matchedTags = result?.resolved.filter((r) => r.matches.length > 0).map((r) => r.tag) ?? [];
  return (
    <section aria-labelledby="related-jobs">
      <Card className="flex flex-col gap-4">
        <div>
          <h2 id="related-jobs" className="text-xl font-semibold">
            Related jobs
          </h2>
          <p className="text-sm text-stone-700">
            Occupations whose skills best match this badge's skill tags, with U.S. pay and where to find
            listings.
          </p>
        </div>
        {tags.length === 0 ? (
          <p className="text-stone-700">
            This badge has no skill tags, so there are no related jobs to show.
          </p>
        ) : !result?.release ? (
          <NoLaborMarketData />
        ) : (
          <>
            {result.occupations.length ? (
              <ol className="flex flex-col gap-3">
                {result.occupations.map((o) => (
                  <li
                    key={o.code}
                    className="flex flex-col gap-0.5 border-b border-stone-200 pb-3 break-words last:border-0"
                  >
                    <Link href={`/occupations/${o.code}`} className="font-medium text-brand-800 underline">
                      {o.title}
                    </Link>
                    <Pay wage={o.wage} />
                    <Listings occupation={o} />
                    <p className="text-sm text-stone-700">Matches {o.matchedTags.join(', ')}</p>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="text-stone-700">No occupations match these skill tags yet.</p>
            )}
            {result.unmatchedTags.length ? (
              <p className="text-sm text-stone-700">
                No labor-market data for: {result.unmatchedTags.join(', ')}.
              </p>
            ) : null}
            {matchedTags.length ? (
              <p className="text-sm">
                Explore each skill:{' '}
                {matchedTags.map((tag, i) => (
                  <span key={tag}>
                    {i > 0 ? ', ' : ''}
                    <SkillLink tag={tag} />
                  </span>
                ))}
              </p>
            ) : null}
            <LaborMarketCredits release={result.release} hasPay={result.occupations.some((o) => o.wage)} />
          </>
        )}
      </Card>
    </section>
  );
}

function Pay({ wage }: { wage: RelatedOccupation['wage'] }) {
  if (wage?.median == null) return <p className="text-sm text-stone-700">No published pay</p>;
  return (
    <p className="text-sm">
      Median pay{' '}
      <span className="font-medium">
        {money(wage.median, wage.unit)} {unitText[wage.unit]}
      </span>
      {wage.p10 != null && wage.p90 != null
        ? ` · ${money(wage.p10, wage.unit)}–${money(wage.p90, wage.unit)} (10th–90th percentile)`
        : null}
      {wage.isExact ? null : <span className="text-stone-700"> · pay of a broader group</span>}
    </p>
  );
}

/** Where to look for work: our open listings, else those of similar occupations, else public job searches. */
function Listings({ occupation: o }: { occupation: RelatedOccupation }) {
  const openJobs = `/occupations/${o.code}#open-jobs`;
  if (o.openListings > 0) {
    return (
      <p className="text-sm">
        <Link href={openJobs} className="underline">
          {plural(o.openListings, 'open listing', 'open listings')}
          <span className="sr-only"> for {o.title}</span>
        </Link>
      </p>
    );
  }
  if (o.similarListings > 0) {
    return (
      <p className="text-sm">
        <Link href={openJobs} className="underline">
          {plural(o.similarListings, 'open listing', 'open listings')} in similar occupations
          <span className="sr-only"> to {o.title}</span>
        </Link>
      </p>
    );
  }
  return <SearchElsewhere keyword={o.title} lead="Find listings on" />;
}

/** A badge skill tag linked to its skill page (aliases and other spellings redirect there). */
export function SkillLink({ tag }: { tag: string }) {
  const slug = slugify(tag);
  if (!slug) return <>{tag}</>;
  return (
    <Link href={`/skills/${slug}`} className="underline">
      {tag}
    </Link>
  );
}
