import 'server-only';
import { and, arrayContains, asc, count, desc, eq, inArray, max, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { type JobLocation, jobPostings, type SalaryUnit } from '@/db/schema';
import { isActivePosting } from './active';

export type ListingFilters = {
  /** Only postings in these occupations (an empty list matches nothing). */
  occupationCodes?: string[];
  /** Only postings in this SOC group: a code prefix, "15-1" (a minor group) or "15-" (a major one). */
  occupationGroup?: string;
  /** Only postings whose skills resolved to this technology. */
  technologySlug?: string;
  remoteOnly?: boolean;
  /** ISO 3166-1 alpha-2, e.g. "US". */
  country?: string;
  /** A city or region, matched whole and case-insensitively ("berlin", "CA"). */
  location?: string;
  /** Open at this instant (default: now). */
  now?: Date;
  limit?: number;
};

export type ListingSalary = {
  currency: string;
  min: number | null;
  max: number | null;
  unit: SalaryUnit | null;
  isEstimate: boolean;
};

export type JobListing = {
  id: string;
  title: string;
  employerName: string;
  /** "San Francisco, CA, US", "Berlin, DE · München, DE", "Remote (US)". */
  locationText: string;
  isRemote: boolean;
  country: string | null;
  salary: ListingSalary | null;
  /** "$120,000–$160,000 per year", "€5,500–€7,000 per month", "… (estimated)"; null without a salary. */
  salaryText: string | null;
  url: string | null;
  datePosted: Date;
  occupationCode: string | null;
};

const UNIT_TEXT: Record<SalaryUnit, string> = {
  HOUR: 'per hour',
  DAY: 'per day',
  WEEK: 'per week',
  MONTH: 'per month',
  YEAR: 'per year',
};

/** A salary in its own currency (never converted), as people read it. */
export function formatSalary(salary: ListingSalary): string {
  const amounts = [...new Set([salary.min, salary.max].filter((n): n is number => n !== null))];
  const cents = amounts.some((n) => !Number.isInteger(n));
  const money = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: salary.currency,
    minimumFractionDigits: cents ? 2 : 0,
    maximumFractionDigits: cents ? 2 : 0,
  });
  const range = amounts.map((n) => money.format(n)).join('–');
  const from = salary.max === null && amounts.length === 1 ? 'from ' : salary.min === null ? 'up to ' : '';
  const unit = salary.unit ? ` ${UNIT_TEXT[salary.unit]}` : '';
  return `${from}${range}${unit}${salary.isEstimate ? ' (estimated)' : ''}`;
}

export function formatLocations(locations: JobLocation[], isRemote: boolean, country: string | null): string {
  const places = locations.map((l) => [l.locality, l.region, l.country].filter(Boolean).join(', '));
  const remote = isRemote ? [country ? `Remote (${country})` : 'Remote'] : [];
  return [...remote, ...places].filter(Boolean).join(' · ');
}

function conditions(filters: ListingFilters): SQL[] {
  const where = [isActivePosting(filters.now ?? new Date())];
  if (filters.occupationCodes) where.push(inArray(jobPostings.occupationCode, filters.occupationCodes));
  if (filters.occupationGroup) {
    const prefix = filters.occupationGroup;
    where.push(sql`left(${jobPostings.occupationCode}, ${prefix.length}) = ${prefix}`);
  }
  if (filters.technologySlug)
    where.push(arrayContains(jobPostings.technologySlugs, [filters.technologySlug]));
  if (filters.remoteOnly) where.push(eq(jobPostings.isRemote, true));
  if (filters.country) where.push(eq(jobPostings.country, filters.country.toUpperCase()));
  if (filters.location) {
    where.push(sql`exists (select 1 from jsonb_array_elements(${jobPostings.locations}) as place
      where lower(place->>'locality') = ${filters.location.toLowerCase()}
         or lower(place->>'region') = ${filters.location.toLowerCase()})`);
  }
  return where;
}

const limitOf = (filters: ListingFilters, fallback: number) =>
  Math.min(Math.max(filters.limit ?? fallback, 1), 100);

/** Open postings, newest first, ready to render (all text is plain: render it as text). */
export async function listActivePostings(db: Executor, filters: ListingFilters = {}): Promise<JobListing[]> {
  if (filters.occupationCodes?.length === 0) return [];
  const rows = await db
    .select({
      id: jobPostings.id,
      title: jobPostings.title,
      employerName: jobPostings.employerName,
      locations: jobPostings.locations,
      isRemote: jobPostings.isRemote,
      country: jobPostings.country,
      salaryCurrency: jobPostings.salaryCurrency,
      salaryMin: jobPostings.salaryMin,
      salaryMax: jobPostings.salaryMax,
      salaryUnit: jobPostings.salaryUnit,
      salaryIsEstimate: jobPostings.salaryIsEstimate,
      url: jobPostings.url,
      datePosted: jobPostings.datePosted,
      occupationCode: jobPostings.occupationCode,
    })
    .from(jobPostings)
    .where(and(...conditions(filters)))
    .orderBy(desc(jobPostings.datePosted), asc(jobPostings.title), asc(jobPostings.id))
    .limit(limitOf(filters, 20));
  return rows.map(
    ({ locations, salaryCurrency, salaryMin, salaryMax, salaryUnit, salaryIsEstimate, ...row }) => {
      const hasSalary = salaryCurrency !== null && (salaryMin !== null || salaryMax !== null);
      const salary = hasSalary
        ? {
            currency: salaryCurrency,
            min: salaryMin,
            max: salaryMax,
            unit: salaryUnit,
            isEstimate: salaryIsEstimate,
          }
        : null;
      return {
        ...row,
        locationText: formatLocations(locations, row.isRemote, row.country),
        salary,
        salaryText: salary ? formatSalary(salary) : null,
      };
    },
  );
}

/** Employers with the most open postings matching the filters (ties by name). */
export async function topEmployers(
  db: Executor,
  filters: ListingFilters = {},
): Promise<{ employerName: string; openings: number }[]> {
  if (filters.occupationCodes?.length === 0) return [];
  const openings = count();
  return db
    .select({ employerName: sql<string>`${max(jobPostings.employerName)}`, openings })
    .from(jobPostings)
    .where(and(...conditions(filters)))
    .groupBy(jobPostings.orgKey)
    .orderBy(desc(openings), asc(max(jobPostings.employerName)))
    .limit(limitOf(filters, 5));
}
