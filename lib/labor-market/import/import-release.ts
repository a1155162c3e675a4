import 'server-only';
import path from 'node:path';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  laborMarketReleases,
  lmJobZones,
  lmOccupationRatings,
  lmOccupations,
  lmOccupationTechnologies,
  lmOccupationTitles,
  lmRelatedOccupations,
  lmTechnologies,
  lmTechnologyAliases,
  lmWageLinks,
  lmWages,
} from '@/db/schema';
import { locateReleaseFiles, resolveOnetVersion } from './files';
import type { ImportProgress } from './progress';
import { type ReleaseSummary, readRelease } from './read-release';
import { databaseSink } from './sink';

const RELEASE_TABLES = [
  laborMarketReleases,
  lmJobZones,
  lmOccupations,
  lmOccupationTitles,
  lmTechnologies,
  lmOccupationTechnologies,
  lmTechnologyAliases,
  lmOccupationRatings,
  lmRelatedOccupations,
  lmWages,
  lmWageLinks,
];

// Any constant; only concurrent imports have to agree on it.
const IMPORT_LOCK_ID = 7_246_006;

export type ImportedRelease = ReleaseSummary & { id: string; onetVersion: string; source: string };

/**
 * Loads a directory of O*NET and BLS OEWS files (see files.ts) as a new labor-market release and
 * makes it the active one, all in one transaction: readers see the previous release until the
 * commit and the whole new one after it. Any problem (a missing file or column, a bad value, a
 * truncated file, a code no occupation has) rolls everything back and throws an `invalid`
 * AppError that names the file and the lines. The release replaced stays, retired, until the
 * next import, so a page that has just read its id still finds its rows.
 */
export async function importLaborMarketRelease(
  db: Db,
  options: {
    dir: string;
    onetVersion?: string;
    progress?: ImportProgress;
    /** What the release is recorded as coming from (default: the directory); `fetch` gives URLs. */
    source?: string;
  },
): Promise<ImportedRelease> {
  const dir = path.resolve(options.dir);
  const source = options.source ?? dir;
  const files = await locateReleaseFiles(dir);
  const onetVersion = await resolveOnetVersion(dir, options.onetVersion);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK_ID})`);
    const [release] = await tx
      .insert(laborMarketReleases)
      .values({ onetVersion, wageYear: 0, source }) // the wage year is known once the wage file is read
      .returning({ id: laborMarketReleases.id });
    if (!release) throw new Error('labor_market_releases insert returned nothing');
    const summary = await readRelease({
      files,
      releaseId: release.id,
      sink: databaseSink(tx),
      progress: options.progress,
    });

    // Releases an earlier import retired go now (their rows cascade). One that was never active
    // (written as `retired` by a test fixture or by hand) is not the importer's to remove.
    await tx
      .delete(laborMarketReleases)
      .where(and(eq(laborMarketReleases.status, 'retired'), isNotNull(laborMarketReleases.activatedAt)));
    await tx
      .update(laborMarketReleases)
      .set({ status: 'retired' })
      .where(eq(laborMarketReleases.status, 'active'));
    await tx
      .update(laborMarketReleases)
      .set({
        status: 'active',
        activatedAt: new Date(),
        wageYear: summary.wageYear,
        rowCounts: summary.rowCounts,
      })
      .where(eq(laborMarketReleases.id, release.id));
    // The tables have just doubled or halved: without fresh statistics the first lookups would
    // be planned for the old sizes (hundreds of milliseconds instead of a few for related jobs).
    await tx.execute(sql`analyze ${sql.join(RELEASE_TABLES, sql`, `)}`);
    return { id: release.id, onetVersion, source, ...summary };
  });
}
