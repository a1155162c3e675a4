import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { laborMarketReleases } from '@/db/schema';
import { lockLaborMarketTests, writeSmallRelease } from '@/lib/labor-market/import/test-support';
import { findRelatedOccupations } from '@/lib/labor-market/related';
import { DEMO_RELEASE_SOURCE, getActiveRelease } from '@/lib/labor-market/release';
import { seedLaborMarket } from './labor-market';

let unlock: () => Promise<void>;
let small: ReturnType<typeof writeSmallRelease> | undefined;

beforeAll(async () => {
  unlock = await lockLaborMarketTests();
}, 240_000);

afterAll(async () => {
  small?.cleanup();
  await unlock?.();
});

describe('the labor-market seed', () => {
  it('imports the shipped demo release by default, marked so the pages say it is demo data', async () => {
    const db = await getDb();
    const release = await seedLaborMarket(db, null);
    expect(release).toMatchObject({ isDemo: true, source: DEMO_RELEASE_SOURCE, onetVersion: '29.3' });
    expect(release.rowCounts.occupations).toBe(34);
    expect(await getActiveRelease(db)).toEqual({
      id: release.id,
      onetVersion: '29.3',
      wageYear: 2025,
      isDemo: true,
    });
    const [stored] = await db
      .select({ source: laborMarketReleases.source })
      .from(laborMarketReleases)
      .where(eq(laborMarketReleases.id, release.id));
    expect(stored?.source).toBe(DEMO_RELEASE_SOURCE);
    // The demo badges' skill tags find jobs, and the panel's credits know it is demo data.
    const related = await findRelatedOccupations(db, {
      tags: ['Linux', 'Bash', 'Shell Scripting'],
      limit: 3,
    });
    expect(related.release).toEqual({ onetVersion: '29.3', wageYear: 2025, isDemo: true });
    expect(related.unmatchedTags).toEqual([]);
    expect(related.occupations).toHaveLength(3);
  });

  it('imports the directory it is given (LAUREL_FIXTURES) as an ordinary release', async () => {
    const db = await getDb();
    small = writeSmallRelease();
    const release = await seedLaborMarket(db, small.dir);
    expect(release).toMatchObject({ isDemo: false, source: small.dir });
    expect(await getActiveRelease(db)).toEqual({
      id: release.id,
      onetVersion: '29.3',
      wageYear: 2025,
      isDemo: false,
    });
  });

  it('refuses a directory that is not there, with a clear message', async () => {
    const db = await getDb();
    const before = await getActiveRelease(db);
    await expect(seedLaborMarket(db, '/nonexistent/labor-market')).rejects.toThrow(
      '/nonexistent/labor-market: no such directory',
    );
    expect(await getActiveRelease(db)).toEqual(before);
  });
});
