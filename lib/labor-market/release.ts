import 'server-only';
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { laborMarketReleases } from '@/db/schema';

/**
 * The `source` of the small release the demo seed ships (db/seed/demo-release), so the pages can
 * say it is demo data. Any other release's source is the directory it was imported from.
 */
export const DEMO_RELEASE_SOURCE = 'laurel-demo';

/** The release every labor-market query reads; O*NET version, OEWS year and demo flag for the credits. */
export type ActiveRelease = { id: string; onetVersion: string; wageYear: number; isDemo: boolean };

/** The active release, or null when no data has been imported yet. */
export async function getActiveRelease(db: Executor): Promise<ActiveRelease | null> {
  const [release] = await db
    .select({
      id: laborMarketReleases.id,
      onetVersion: laborMarketReleases.onetVersion,
      wageYear: laborMarketReleases.wageYear,
      source: laborMarketReleases.source,
    })
    .from(laborMarketReleases)
    .where(eq(laborMarketReleases.status, 'active'));
  if (!release) return null;
  const { source, ...rest } = release;
  return { ...rest, isDemo: source === DEMO_RELEASE_SOURCE };
}
