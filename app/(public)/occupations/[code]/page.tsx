import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { LaborMarketCredits, NoLaborMarketData } from '@/components/labor-market/credits';
import { JobListings } from '@/components/labor-market/job-listings';
import { PayRanges } from '@/components/labor-market/pay-ranges';
import { PayTrend } from '@/components/labor-market/pay-trend';
import { SearchElsewhere } from '@/components/labor-market/search-elsewhere';
import { getDb } from '@/db/client';
import { occupationListings } from '@/lib/jobs/listing-scopes';
import { formatAmount, formatCount, plainJobZone, unitText } from '@/lib/labor-market/pages/format';
import { loadOccupation } from './load';
import { OccupationDetails } from './occupation-details';

type Props = { params: Promise<{ code: string }> };

const percentileLines = [
  { key: 'p10', label: '10th percentile' },
  { key: 'median', label: 'Median' },
  { key: 'p90', label: '90th percentile' },
] as const;

// Rendered on first request, then served from the cache for a few minutes: the data changes
// only when a release or a jobs feed is imported.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await loadOccupation((await params).code);
  if (found.status !== 'found') return { title: 'Occupation' };
  return { title: found.occupation.title, description: found.occupation.description };
}

export default async function OccupationPage({ params }: Props) {
  const found = await loadOccupation((await params).code);
  if (found.status === 'redirect') redirect(`/occupations/${found.code}`);
  if (found.status === 'no_data') {
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-3xl font-bold">Occupation</h1>
        <NoLaborMarketData />
      </div>
    );
  }
  if (found.status === 'not_found') notFound();
  const { release, occupation: o } = found;
  const listings = await occupationListings(await getDb(), { code: o.code, limit: 20 });
  const pay = o.pay;
  const trend = o.trend[0];
  const firstYear = Math.min(release.wageYear, ...(trend?.points.map((p) => p.year) ?? []));

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <p className="text-sm">
          <Link href="/explore" className="underline">
            Explore skills and jobs
          </Link>
        </p>
        <h1 className="text-3xl font-bold break-words">{o.title}</h1>
        <p className="text-sm text-stone-700">O*NET-SOC code {o.code}</p>
        <p className="max-w-3xl">{o.description}</p>
      </div>

      <section aria-labelledby="preparation" className="flex flex-col gap-2">
        <h2 id="preparation" className="text-xl font-semibold">
          Preparation
        </h2>
        {o.jobZone ? (
          <>
            <p>
              <span className="font-medium">{plainJobZone(o.jobZone.name)}</span>{' '}
              <span className="text-stone-700">(O*NET Job Zone {o.jobZone.zone} of 5)</span>
            </p>
            <dl className="grid max-w-3xl gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
              <dt className="font-medium">Education</dt>
              <dd>{o.jobZone.education}</dd>
              <dt className="font-medium">Experience</dt>
              <dd>{o.jobZone.experience}</dd>
              <dt className="font-medium">Training</dt>
              <dd>{o.jobZone.jobTraining}</dd>
            </dl>
          </>
        ) : (
          <p className="text-stone-700">O*NET gives no preparation level for this occupation.</p>
        )}
      </section>

      <section aria-labelledby="pay" className="flex flex-col gap-3">
        <h2 id="pay" className="text-xl font-semibold">
          Pay
        </h2>
        {pay?.median ? (
          <>
            <p>
              Median pay in the U.S. was{' '}
              <span className="font-semibold">
                {formatAmount(pay.median, pay.unit)} {unitText[pay.unit]}
              </span>{' '}
              in May {pay.year}
              {o.employment ? ` across ${formatCount(o.employment)} jobs` : ''}.
              {o.payFrom ? (
                <span className="text-stone-700">
                  {' '}
                  These figures are for {o.payFrom.title} ({o.payFrom.oewsCode}), the group BLS publishes.
                </span>
              ) : null}
            </p>
            <PayRanges
              caption={`${pay.unit === 'year' ? 'Yearly' : 'Hourly'} pay in the U.S., May ${pay.year}`}
              rows={[{ key: o.code, label: o.title, pay }]}
            />
            {trend && trend.points.length > 1 ? (
              <PayTrend
                caption={`${pay.unit === 'year' ? 'Yearly' : 'Hourly'} pay over the years`}
                unit={pay.unit}
                lines={percentileLines.map(({ key, label }) => ({
                  key,
                  label,
                  points: trend.points
                    .filter((p) => p.unit === pay.unit)
                    .map((p) => ({ year: p.year, amount: p[key] })),
                }))}
              />
            ) : null}
          </>
        ) : (
          <p className="text-stone-700">BLS publishes no pay figures for this occupation.</p>
        )}
      </section>

      <OccupationDetails occupation={o} />

      <section aria-labelledby="open-jobs" className="flex flex-col gap-3">
        <h2 id="open-jobs" className="text-xl font-semibold">
          Open jobs
        </h2>
        {listings.scope !== 'exact' ? (
          <p className="text-stone-800">
            No open listings for {o.title} right now.
            {listings.listings.length
              ? ` Open listings in similar ${listings.scope === 'group' ? 'occupations' : 'fields'}:`
              : ''}
          </p>
        ) : null}
        <JobListings
          listings={listings.listings}
          emptyText="Laurel has no listings in similar occupations either."
        />
        <SearchElsewhere keyword={o.title} lead={`Find more ${o.title} jobs on`} />
      </section>

      <LaborMarketCredits release={release} firstWageYear={firstYear} hasPay={Boolean(pay)} />
    </div>
  );
}
