import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { slugify } from '@/lib/labor-market/normalize';
import { formatAmount, formatCount, unitText } from '@/lib/labor-market/pages/format';
import type { PayUnit } from '@/lib/labor-market/pages/pay';
import { findRelatedOccupations } from '@/lib/labor-market/related';
import { LaborMarketCredits, NoLaborMarketData } from './credits';

const SHOWN = 5;

const money = (value: number, unit: PayUnit) => formatAmount({ value, isAtLeast: false }, unit);

/** Occupations whose technology skills best match a badge's skill tags, with pay and open listings. */
export async function RelatedJobsPanel({ tags }: { tags: string[] }) {
  const result = tags.length ? await findRelatedOccupations(await getDb(), { tags, limit: SHOWN }) : null;
  return (
    <section aria-labelledby="related-jobs">
      <Card className="flex flex-col gap-4">
        <div>
          <h2 id="related-jobs" className="text-xl font-semibold">
            Related jobs
          </h2>
          <p className="text-sm text-stone-700">
            Occupations whose skills best match this badge's skill tags, with U.S. pay and the open listings
            we know of.
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
                    className="flex flex-col gap-0.5 border-b border-stone-200 pb-3 last:border-0"
                  >
                    <Link href={`/occupations/${o.code}`} className="font-medium text-brand-800 underline">
                      {o.title}
                    </Link>
                    <p className="text-sm">
                      {o.wage?.median != null ? (
                        <>
                          Median pay{' '}
                          <span className="font-medium">
                            {money(o.wage.median, o.wage.unit)} {unitText[o.wage.unit]}
                          </span>
                          {o.wage.p10 != null && o.wage.p90 != null
                            ? ` · ${money(o.wage.p10, o.wage.unit)}–${money(o.wage.p90, o.wage.unit)} (10th–90th percentile)`
                            : null}
                          {o.wage.isExact ? null : (
                            <span className="text-stone-700"> · pay of a broader group</span>
                          )}
                        </>
                      ) : (
                        <span className="text-stone-700">No published pay</span>
                      )}
                    </p>
                    <p className="text-sm text-stone-700">
                      {o.openListings === 1
                        ? '1 open listing'
                        : `${formatCount(o.openListings)} open listings`}{' '}
                      · matches {o.matchedTags.join(', ')}
                    </p>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="text-stone-700">No occupations match these skill tags yet.</p>
            )}
            {result.unmatchedTags.length ? (
              <p className="text-sm text-stone-700">
                No labor-market data for:{' '}
                {result.unmatchedTags.map((tag, i) => (
                  <span key={tag}>
                    {i > 0 ? ', ' : ''}
                    {tag}
                  </span>
                ))}
                .
              </p>
            ) : null}
            <p className="text-sm">
              Explore each skill:{' '}
              {tags.map((tag, i) => (
                <span key={tag}>
                  {i > 0 ? ', ' : ''}
                  <SkillLink tag={tag} />
                </span>
              ))}
            </p>
            <LaborMarketCredits release={result.release} hasPay={result.occupations.some((o) => o.wage)} />
          </>
        )}
      </Card>
    </section>
  );
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
