import 'server-only';
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { lmOccupations, lmOccupationTitles, lmWageLinks, lmWages } from '@/db/schema';
import type { ActiveRelease } from '../release';
import { type Pay, toPay, wageColumns, wageJoin } from './pay';
import { type TrendSeries, wageTrends } from './trend';

export type SkillOccupation = {
  code: string;
  title: string;
  jobZone: number | null;
  isInDemand: boolean;
  employment: number | null;
  pay: Pay | null;
};

const TITLE_OCCUPATIONS = 5;
const TITLES_SHOWN = 15;
const TREND_SERIES = 3;

/** The occupation, job-zone and pay columns a skill page lists, joined from lm_occupations. */
export function occupationPayQuery(db: Executor, release: ActiveRelease) {
  return db
    .select({
      code: lmOccupations.code,
      title: lmOccupations.title,
      jobZone: lmOccupations.jobZone,
      oewsCode: lmWageLinks.oewsCode,
      ...wageColumns,
    })
    .from(lmOccupations)
    .leftJoin(
      lmWageLinks,
      and(eq(lmWageLinks.releaseId, lmOccupations.releaseId), eq(lmWageLinks.code, lmOccupations.code)),
    )
    .leftJoin(lmWages, wageJoin(release.wageYear))
    .$dynamic();
}

/** Occupations with their pay, in the order of `codes`. */
export async function occupationsWithPay(
  db: Executor,
  input: { release: ActiveRelease; codes: string[]; inDemand?: ReadonlySet<string> },
): Promise<(SkillOccupation & { oewsCode: string | null })[]> {
  if (input.codes.length === 0) return [];
  const where: SQL[] = [
    eq(lmOccupations.releaseId, input.release.id),
    inArray(lmOccupations.code, input.codes),
  ];
  const rows = await occupationPayQuery(db, input.release).where(and(...where));
  return input.codes.flatMap((code) => {
    const row = rows.find((r) => r.code === code);
    if (!row) return [];
    return [
      {
        code,
        title: row.title,
        jobZone: row.jobZone,
        isInDemand: input.inDemand?.has(code) ?? false,
        employment: row.employment,
        pay: toPay(row),
        oewsCode: row.oewsCode,
      },
    ];
  });
}

/** Titles people in the first few occupations report holding (My Next Move's), once each. */
export async function featuredTitles(
  db: Executor,
  input: { releaseId: string; codes: string[] },
): Promise<{ title: string; code: string }[]> {
  const top = input.codes.slice(0, TITLE_OCCUPATIONS);
  if (top.length === 0) return [];
  const rows = await db
    .select({ code: lmOccupationTitles.code, title: lmOccupationTitles.title })
    .from(lmOccupationTitles)
    .where(
      and(
        eq(lmOccupationTitles.releaseId, input.releaseId),
        eq(lmOccupationTitles.kind, 'reported'),
        eq(lmOccupationTitles.isFeatured, true),
        inArray(lmOccupationTitles.code, top),
      ),
    )
    .orderBy(asc(lmOccupationTitles.title));
  return distinctTitles(top.flatMap((code) => rows.filter((t) => t.code === code)));
}

/** Titles without repeats (case-insensitively), at most the number a page shows. */
export function distinctTitles<T extends { title: string }>(titles: T[]): T[] {
  const seen = new Set<string>();
  return titles
    .filter((t) => {
      const key = t.title.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, TITLES_SHOWN);
}

/** Pay over the years for the first few occupations with distinct OEWS codes. */
export function occupationTrends(
  db: Executor,
  input: { releaseId: string; occupations: { title: string; oewsCode: string | null }[] },
): Promise<TrendSeries[]> {
  const targets: { oewsCode: string; label: string }[] = [];
  for (const row of input.occupations) {
    if (targets.length === TREND_SERIES) break;
    if (row.oewsCode && !targets.some((t) => t.oewsCode === row.oewsCode)) {
      targets.push({ oewsCode: row.oewsCode, label: row.title });
    }
  }
  return wageTrends(db, { releaseId: input.releaseId, targets });
}
