import 'server-only';
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { laborMarketReleases } from '@/db/schema';

/** The release every labor-market query reads; O*NET version and OEWS year for the credits. */
export type ActiveRelease = { id: string; onetVersion: string; wageYear: number };

/** The active release, or null when no data has been imported yet. */
export async function getActiveRelease(db: Executor): Promise<ActiveRelease | null> {
  const [release] = await db
    .select({
      id: laborMarketReleases.id,
      onetVersion: laborMarketReleases.onetVersion,
      wageYear: laborMarketReleases.wageYear,
    })
    .from(laborMarketReleases)
    .where(eq(laborMarketReleases.status, 'active'));
  return release ?? null;
}
