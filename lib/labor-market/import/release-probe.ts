/**
 * For the importer's tests (the demo release in npm test, the full public release in the
 * conformance suite): what one imported release holds, read back in the shapes the tests compare.
 */
import { and, count, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { type Db, rowsOf } from '@/db/client';
import {
  laborMarketReleases,
  lmOccupationTitles,
  lmTechnologies,
  lmTechnologyAliases,
  lmWageLinks,
  lmWages,
} from '@/db/schema';

export function releaseProbe(db: Db, releaseId: string) {
  const inRelease = (column: Parameters<typeof eq>[0]) => eq(column, releaseId);
  return {
    /** Rows of `table` in the release (every release table has `release_id`). */
    async rows(table: PgTable, where?: SQL): Promise<number | undefined> {
      const filter = where ? sql` and ${where}` : sql``;
      const result = await db.execute(
        sql`select count(*)::int as n from ${table} where release_id = ${releaseId}${filter}`,
      );
      return rowsOf<{ n: number }>(result)[0]?.n;
    },

    /** Job titles by kind: alternate, short, reported. */
    async titleKinds() {
      const rows = await db
        .select({ kind: lmOccupationTitles.kind, n: count() })
        .from(lmOccupationTitles)
        .where(inRelease(lmOccupationTitles.releaseId))
        .groupBy(lmOccupationTitles.kind);
      return Object.fromEntries(rows.map((row) => [row.kind, row.n]));
    },

    /** Occupations by how their wages were linked: exact, oews_aggregate, broad, none. */
    async wageMatches() {
      const rows = await db
        .select({ match: lmWageLinks.match, n: count() })
        .from(lmWageLinks)
        .where(inRelease(lmWageLinks.releaseId))
        .groupBy(lmWageLinks.match);
      return Object.fromEntries(rows.map((row) => [row.match, row.n]));
    },

    /** The OEWS code and match kind each of `codes` was linked with. */
    async wageLinks(codes: string[]) {
      const rows = await db
        .select()
        .from(lmWageLinks)
        .where(and(inRelease(lmWageLinks.releaseId), inArray(lmWageLinks.code, codes)));
      return Object.fromEntries(rows.map((row) => [row.code, [row.oewsCode, row.match]]));
    },

    /** One OEWS row. */
    async wage(year: number, occCode: string, occGroup = 'detailed') {
      const [row] = await db
        .select()
        .from(lmWages)
        .where(
          and(
            inRelease(lmWages.releaseId),
            eq(lmWages.year, year),
            eq(lmWages.occCode, occCode),
            eq(lmWages.occGroup, occGroup),
          ),
        );
      return row;
    },

    /** The slug each technology name got. */
    async slugs(names: string[]) {
      const rows = await db
        .select({ name: lmTechnologies.name, slug: lmTechnologies.slug })
        .from(lmTechnologies)
        .where(and(inRelease(lmTechnologies.releaseId), inArray(lmTechnologies.name, names)));
      return Object.fromEntries(rows.map((row) => [row.name, row.slug]));
    },

    /** The technology each normalised alias points at (absent: no alias). */
    async aliases(norms: string[]) {
      const rows = await db
        .select({ alias: lmTechnologyAliases.aliasNorm, slug: lmTechnologyAliases.technologySlug })
        .from(lmTechnologyAliases)
        .where(and(inRelease(lmTechnologyAliases.releaseId), inArray(lmTechnologyAliases.aliasNorm, norms)));
      return Object.fromEntries(rows.map((row) => [row.alias, row.slug]));
    },
  };
}

/** Every active release: there must only ever be one. */
export function activeReleases(db: Db) {
  return db
    .select({ id: laborMarketReleases.id, status: laborMarketReleases.status })
    .from(laborMarketReleases)
    .where(eq(laborMarketReleases.status, 'active'));
}
