import { lmWages } from '@/db/schema';
import { readCsvFile } from './csv-reader';
import type { WageLink } from './derive';
import { BadValue, fileError } from './problems';
import type { ReadContext } from './read-onet';
import { Batch } from './sink';
import { blsNumber, integer, oneOf, onetCode, socCode, text } from './values';

const GROUPS = {
  total: 'total',
  major: 'major',
  minor: 'minor',
  broad: 'broad',
  detailed: 'detailed',
} as const;

// Source column → our field and column. Annual wages are whole dollars, hourly ones dollars
// with cents.
const WAGES = [
  ['a_mean', 'annualMean', 'annual_mean'],
  ['a_pct10', 'annualP10', 'annual_p10'],
  ['a_pct25', 'annualP25', 'annual_p25'],
  ['a_median', 'annualMedian', 'annual_median'],
  ['a_pct75', 'annualP75', 'annual_p75'],
  ['a_pct90', 'annualP90', 'annual_p90'],
  ['h_mean', 'hourlyMean', 'hourly_mean'],
  ['h_pct10', 'hourlyP10', 'hourly_p10'],
  ['h_pct25', 'hourlyP25', 'hourly_p25'],
  ['h_median', 'hourlyMedian', 'hourly_median'],
  ['h_pct75', 'hourlyP75', 'hourly_p75'],
  ['h_pct90', 'hourlyP90', 'hourly_p90'],
] as const;
type WageField = (typeof WAGES)[number][1];

/** For each year, the `detailed` OEWS codes, and whether each has a median wage (annual or hourly). */
export type DetailedCodes = Map<number, Map<string, boolean>>;

/**
 * BLS OEWS national wages, every year in the file. Markers become nulls (see values.ts); a `#`
 * also puts the column's name (e.g. `annual_p90`) into `topcoded`.
 */
export async function readWages(ctx: ReadContext): Promise<{ wageYear: number; detailed: DetailedCodes }> {
  const seen = new Map<string, number>();
  const detailed: DetailedCodes = new Map();
  const batch = new Batch(ctx.sink, lmWages);
  ctx.counts.wages = await readCsvFile(
    ctx.files.wages,
    async (row) => {
      const year = integer(row, 'year', { min: 1990, max: 2200 });
      const occCode = socCode(row, 'occ_code');
      const occGroup = oneOf(row, 'o_group', GROUPS);
      const occTitle = text(row, 'occ_title');
      const employment = blsNumber(row, 'tot_emp');
      if (employment === '#' || (employment !== null && !Number.isInteger(employment))) {
        throw new BadValue(`tot_emp '${row.get('tot_emp')}' is not a whole number`);
      }
      const wages = {} as Record<WageField, number | null>;
      const topcoded: string[] = [];
      for (const [source, field, column] of WAGES) {
        const value = blsNumber(row, source);
        if (value === '#') topcoded.push(column);
        const isAnnual = field.startsWith('annual');
        wages[field] = value === '#' || value === null ? null : isAnnual ? Math.round(value) : value;
      }
      const key = `${year} ${occCode} ${occGroup}`;
      const earlier = seen.get(key);
      if (earlier !== undefined)
        throw new BadValue(`${occCode} (${occGroup}) for ${year} repeats line ${earlier}`);
      seen.set(key, row.line);
      if (occGroup === 'detailed') {
        const codes = detailed.get(year) ?? new Map<string, boolean>();
        codes.set(occCode, wages.annualMedian !== null || wages.hourlyMedian !== null);
        detailed.set(year, codes);
      }
      await batch.add({
        releaseId: ctx.releaseId,
        year,
        occCode,
        occGroup,
        occTitle,
        employment,
        topcoded,
        ...wages,
      });
    },
    ctx.progress,
  );
  await batch.flush();
  const wageYear = Math.max(...detailed.keys());
  if (!Number.isFinite(wageYear)) throw fileError(ctx.files.wages.name, "no row has o_group 'detailed'.");
  return { wageYear, detailed };
}

const MATCHES = { exact: 'exact', 'oews-aggregate': 'oews_aggregate', broad: 'broad', none: 'none' } as const;

/**
 * The published crosswalk, when the directory has one, is only compared with the computed links:
 * a difference is a warning (the computed link is kept).
 */
export async function compareCrosswalk(ctx: ReadContext, links: WageLink[]): Promise<string[]> {
  const file = ctx.files.crosswalk;
  if (!file) return [];
  const computed = new Map(links.map((l) => [l.code, l]));
  const differences: string[] = [];
  ctx.counts.crosswalk = await readCsvFile(
    file,
    (row) => {
      const code = onetCode(row, 'onet_soc_code');
      const match = oneOf(row, 'match', MATCHES);
      const oewsCode = row.get('oews_occ_code').trim() || null;
      const ours = computed.get(code);
      if (ours && (ours.match !== match || ours.oewsCode !== oewsCode)) {
        differences.push(
          `${code}: ${file.name} says ${oewsCode ?? '—'} (${match}), computed ${ours.oewsCode ?? '—'} (${ours.match})`,
        );
      }
    },
    ctx.progress,
  );
  if (differences.length === 0) return [];
  return [
    `${file.name} differs from the computed wage links for ${differences.length} occupations (the computed ones are used):`,
    ...differences.slice(0, 10),
  ];
}
