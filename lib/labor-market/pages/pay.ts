import { and, eq, type SQL } from 'drizzle-orm';
import { lmWageLinks, lmWages } from '@/db/schema';

/** One published wage figure; `isAtLeast` when BLS gives only "at or above" its top code. */
export type Amount = { value: number; isAtLeast: boolean };

export type PayUnit = 'year' | 'hour';

/** An occupation's pay for one year, in the unit BLS publishes (annual unless hourly-only). */
export type Pay = {
  year: number;
  unit: PayUnit;
  p10: Amount | null;
  p25: Amount | null;
  median: Amount | null;
  p75: Amount | null;
  p90: Amount | null;
};

/** The wage columns a page selects from lm_wages. */
export const wageColumns = {
  year: lmWages.year,
  occTitle: lmWages.occTitle,
  employment: lmWages.employment,
  annualP10: lmWages.annualP10,
  annualP25: lmWages.annualP25,
  annualMedian: lmWages.annualMedian,
  annualP75: lmWages.annualP75,
  annualP90: lmWages.annualP90,
  hourlyP10: lmWages.hourlyP10,
  hourlyP25: lmWages.hourlyP25,
  hourlyMedian: lmWages.hourlyMedian,
  hourlyP75: lmWages.hourlyP75,
  hourlyP90: lmWages.hourlyP90,
  topcoded: lmWages.topcoded,
};

/** What `wageColumns` selects; every column null when the left join found no wage. */
export type WageRow = {
  year: number | null;
  occTitle: string | null;
  employment: number | null;
  annualP10: number | null;
  annualP25: number | null;
  annualMedian: number | null;
  annualP75: number | null;
  annualP90: number | null;
  hourlyP10: number | null;
  hourlyP25: number | null;
  hourlyMedian: number | null;
  hourlyP75: number | null;
  hourlyP90: number | null;
  topcoded: string[] | null;
};

/** The join from an occupation's wage link to its detailed OEWS row for `year`. */
export function wageJoin(year: number | SQL) {
  return and(
    eq(lmWages.releaseId, lmWageLinks.releaseId),
    eq(lmWages.occCode, lmWageLinks.oewsCode),
    eq(lmWages.occGroup, 'detailed'),
    eq(lmWages.year, year),
  );
}

/**
 * OEWS top codes: a percentile at or above them was published as "#" (2020–2024). From May 2025
 * BLS publishes the actual values.
 */
function topCode(year: number, unit: PayUnit): number | null {
  if (year <= 2021) return unit === 'year' ? 208_000 : 100;
  if (year <= 2024) return unit === 'year' ? 239_200 : 115;
  return null;
}

const keys = ['p10', 'p25', 'median', 'p75', 'p90'] as const;
type Key = (typeof keys)[number];

/** Whether OEWS published "#" for this figure: the importer records the column (`annual_p90`). */
function isTopcoded(topcoded: string[], unit: PayUnit, key: Key): boolean {
  return topcoded.includes(`${unit === 'year' ? 'annual' : 'hourly'}_${key}`);
}

/** A wage row as Pay: annual figures when there is an annual median, else hourly; null when neither. */
export function toPay(row: WageRow | null | undefined): Pay | null {
  if (!row || row.year === null) return null;
  const annual = [row.annualP10, row.annualP25, row.annualMedian, row.annualP75, row.annualP90];
  const hourly = [row.hourlyP10, row.hourlyP25, row.hourlyMedian, row.hourlyP75, row.hourlyP90];
  const topcoded = row.topcoded ?? [];
  const hasAnnual = row.annualMedian !== null || isTopcoded(topcoded, 'year', 'median');
  const hasHourly = row.hourlyMedian !== null || isTopcoded(topcoded, 'hour', 'median');
  if (!hasAnnual && !hasHourly) return null;
  const unit: PayUnit = hasAnnual ? 'year' : 'hour';
  const values = unit === 'year' ? annual : hourly;
  const year = row.year;
  const amount = (index: number): Amount | null => {
    const key = keys[index] as Key;
    const value = values[index];
    if (value !== null && value !== undefined) return { value, isAtLeast: false };
    const top = isTopcoded(topcoded, unit, key) ? topCode(year, unit) : null;
    return top === null ? null : { value: top, isAtLeast: true };
  };
  return { year, unit, p10: amount(0), p25: amount(1), median: amount(2), p75: amount(3), p90: amount(4) };
}
