import type { Metadata } from 'next';
import Link from 'next/link';
import { LaborMarketCredits, NoLaborMarketData } from '@/components/labor-market/credits';
import { getDb } from '@/db/client';
import { MAX_QUERY_LENGTH, type Suggestion, searchLaborMarket } from '@/lib/labor-market/pages/search';
import { getActiveRelease } from '@/lib/labor-market/release';
import { ExploreSearch } from './explore-search';

export const metadata: Metadata = {
  title: 'Jobs and skills',
  description: 'Search skills, occupations and job titles: pay, preparation and open listings.',
};

type Props = { searchParams: Promise<{ q?: string | string[] }> };

const GROUPS: { kind: Suggestion['kind']; heading: string }[] = [
  { kind: 'skill', heading: 'Skills' },
  { kind: 'occupation', heading: 'Occupations' },
  { kind: 'title', heading: 'Job titles' },
];

/** Search with suggestions as you type; submitting (or no script) lists every kind of match here. */
export default async function ExplorePage({ searchParams }: Props) {
  const raw = (await searchParams).q;
  const query = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, MAX_QUERY_LENGTH) ?? '';
  const db = await getDb();
  const release = await getActiveRelease(db);
  const results =
    release && query
      ? await searchLaborMarket(db, {
          releaseId: release.id,
          query,
          perKind: 10,
          limit: 30,
          isExpanded: true,
        })
      : [];

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">Jobs and skills</h1>
        <p className="max-w-2xl text-stone-700">
          Find a skill, an occupation or a job title to see what it pays in the U.S., how much preparation it
          needs, and who is hiring.
        </p>
      </div>
      {release ? (
        <>
          <ExploreSearch initialQuery={query} />
          {query ? (
            <section aria-labelledby="results" className="flex flex-col gap-4">
              <h2 id="results" className="text-xl font-semibold">
                {results.length ? `Results for “${query}”` : `Nothing matches “${query}”`}
              </h2>
              {GROUPS.map(({ kind, heading }) => {
                const items = results.filter((r) => r.kind === kind);
                if (items.length === 0) return null;
                return (
                  <div key={kind}>
                    <h3 className="font-medium">{heading}</h3>
                    <ul className="flex flex-col gap-1">
                      {items.map((item) => (
                        <li key={`${item.href}-${item.label}`}>
                          <Link href={item.href} className="underline">
                            {item.label}
                          </Link>{' '}
                          <span className="text-sm text-stone-700">{item.detail}</span>
                        </li>
                      ))}
                    </ul>
                  </div>
                );
              })}
            </section>
          ) : (
            <p className="text-sm text-stone-700">
              For example:{' '}
              <Link href="/skills/python" className="underline">
                Python
              </Link>
              ,{' '}
              <Link href="/occupations/29-1141.00" className="underline">
                Registered Nurses
              </Link>{' '}
              or{' '}
              <Link href="/explore?q=data+analyst" className="underline">
                data analyst
              </Link>
              .
            </p>
          )}
          <LaborMarketCredits release={release} hasPay={false} />
        </>
      ) : (
        <NoLaborMarketData />
      )}
    </div>
  );
}
