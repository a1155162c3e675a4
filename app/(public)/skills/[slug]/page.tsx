import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { LaborMarketCredits, NoLaborMarketData } from '@/components/labor-market/credits';
import { PayRanges } from '@/components/labor-market/pay-ranges';
import { PayTrend } from '@/components/labor-market/pay-trend';
import { getDb } from '@/db/client';
import { skillListings } from '@/lib/jobs/listing-scopes';
import { topEmployers } from '@/lib/jobs/listings';
import { formatCount } from '@/lib/labor-market/pages/format';
import { parseListingFilters } from '@/lib/labor-market/pages/listing-filters';
import { HiringNow } from './hiring-now';
import { loadSkill } from './load';
import { SkillHeader } from './skill-header';

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await loadSkill((await params).slug);
  if (found.status !== 'found') return { title: 'Skill' };
  return {
    title: `${found.skill.name}: jobs and pay`,
    description: `Occupations that use ${found.skill.name}, their pay in the U.S., and open listings.`,
  };
}

export default async function SkillPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const found = await loadSkill(slug);
  if (found.status === 'redirect') {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (typeof value === 'string') search.set(key, value);
    redirect(`/skills/${found.slug}${search.size ? `?${search}` : ''}`);
  }
  if (found.status === 'no_data') {
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-3xl font-bold">Skill</h1>
        <NoLaborMarketData />
      </div>
    );
  }
  if (found.status === 'not_found') notFound();
  const { release, skill } = found;

  const filters = parseListingFilters(query);
  const db = await getDb();
  const codes = skill.occupations.map((o) => o.code);
  const technologySlug = skill.kind === 'technology' ? skill.slug : null;
  const common = { remoteOnly: filters.isRemoteOnly, location: filters.location, limit: 20 };
  const listings = await skillListings(db, { ...common, technologySlug, occupationCodes: codes });
  const employers =
    listings.scope === 'exact' && technologySlug
      ? await topEmployers(db, { technologySlug, limit: 5 })
      : listings.scope === 'occupations'
        ? await topEmployers(db, { occupationCodes: codes, limit: 5 })
        : [];
  const trendUnit = skill.trend[0]?.points[0]?.unit ?? 'year';
  const trendLines = skill.trend
    .filter((s) => s.points.every((p) => p.unit === trendUnit))
    .map((s) => ({
      key: s.oewsCode,
      label: s.label,
      points: s.points.map((p) => ({ year: p.year, amount: p.median })),
    }));
  const firstYear = Math.min(release.wageYear, ...skill.trend.flatMap((s) => s.points.map((p) => p.year)));

  return (
    <div className="flex flex-col gap-8">
      <SkillHeader skill={skill} />

      <section aria-labelledby="occupations" className="flex flex-col gap-3">
        <h2 id="occupations" className="text-xl font-semibold break-words">
          {skill.kind === 'topic'
            ? `Occupations for ${skill.shortName}`
            : `Occupations that use ${skill.shortName}`}
        </h2>
        {skill.occupations.length ? (
          <PayRanges
            caption={`Pay in the U.S., May ${release.wageYear}: 10th percentile, median and 90th percentile`}
            rows={skill.occupations.map((o) => ({
              key: o.code,
              label: o.title,
              href: `/occupations/${o.code}`,
              pay: o.pay,
              note: o.isInDemand ? 'in demand' : undefined,
            }))}
          />
        ) : (
          <p className="text-stone-700">No occupation lists this skill.</p>
        )}
        {skill.occupationCount > skill.occupations.length ? (
          <p className="text-sm text-stone-700">
            Showing the {skill.occupations.length}{' '}
            {skill.kind === 'topic' ? 'that match it best' : 'where it is most in demand'}, of{' '}
            {formatCount(skill.occupationCount)}.
          </p>
        ) : null}
      </section>

      {skill.titles.length ? (
        <section aria-labelledby="titles" className="flex flex-col gap-3">
          <h2 id="titles" className="text-xl font-semibold">
            Job titles you might qualify for
          </h2>
          <ul className="flex flex-wrap gap-2">
            {skill.titles.map((t) => (
              <li key={`${t.code}-${t.title}`}>
                <Link
                  href={`/occupations/${t.code}`}
                  className="inline-block rounded-full border border-stone-300 bg-white px-3 py-1 text-sm hover:bg-stone-100"
                >
                  {t.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {trendLines.some((l) => l.points.length > 1) ? (
        <section aria-labelledby="trend" className="flex flex-col gap-3">
          <h2 id="trend" className="text-xl font-semibold">
            Pay over the years
          </h2>
          <PayTrend
            caption={`Median ${trendUnit === 'year' ? 'yearly' : 'hourly'} pay over the years`}
            lines={trendLines}
            unit={trendUnit}
          />
        </section>
      ) : null}

      <HiringNow skill={skill} filters={filters} listings={listings} employers={employers} />

      <LaborMarketCredits release={release} firstWageYear={firstYear} />
    </div>
  );
}
