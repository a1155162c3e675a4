import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { laborMarketReleases } from '@/db/schema';
import { type ImportedRelease, importLaborMarketRelease } from '@/lib/labor-market/import/import-release';
import { DEMO_RELEASE_SOURCE } from '@/lib/labor-market/release';
import { writeDemoRelease } from './demo-release/write-release';
import { demoFixture } from './fixtures';

export type SeededRelease = ImportedRelease & { isDemo: boolean };

/**
 * Imports the labor-market release the demo shows, as the active one: the full O*NET/BLS release
 * in LAUREL_FIXTURES when that is set (about 20 s), otherwise the small demo release the project
 * ships (db/seed/demo-release, about a second), marked with DEMO_RELEASE_SOURCE so the pages say
 * it is demo data. Like every import, it replaces the previous release.
 */
export async function seedLaborMarket(
  db: Db,
  dir: string | null = demoFixture('labor-market'),
): Promise<SeededRelease> {
  if (dir) return { ...(await importLaborMarketRelease(db, { dir })), isDemo: false };
  const demo = writeDemoRelease();
  try {
    const release = await importLaborMarketRelease(db, { dir: demo.dir });
    await db
      .update(laborMarketReleases)
      .set({ source: DEMO_RELEASE_SOURCE })
      .where(eq(laborMarketReleases.id, release.id));
    return { ...release, source: DEMO_RELEASE_SOURCE, isDemo: true };
  } finally {
    demo.cleanup();
  }
}
