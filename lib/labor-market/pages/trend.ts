import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { lmWages } from '@/db/schema';
import { type Pay, toPay, wageColumns } from './pay';

/** Pay for one OEWS occupation over the years the release holds; years BLS did not publish are absent. */
export type TrendSeries = { oewsCode: string; label: string; points: Pay[] };

/** Wage trends for a few OEWS codes, in one query, in the order asked for. */
export async function wageTrends(
  db: Executor,
  input: { releaseId: string; targets: { oewsCode: string; label: string }[] },
): Promise<TrendSeries[]> {
  if (input.targets.length === 0) return [];
  const rows = await db
    .select({ occCode: lmWages.occCode, ...wageColumns })
    .from(lmWages)
    .where(
      and(
        eq(lmWages.releaseId, input.releaseId),
        eq(lmWages.occGroup, 'detailed'),
        inArray(
          lmWages.occCode,
          input.targets.map((t) => t.oewsCode),
        ),
      ),
    )
    .orderBy(asc(lmWages.year));
  return input.targets.map((target) => ({
    ...target,
    points: rows
      .filter((r) => r.occCode === target.oewsCode)
      .map((r) => toPay(r))
      .filter((p): p is Pay => p !== null),
  }));
}
