import { and, count, eq, isNotNull, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, getDb } from '@/db/client';
import {
  lmJobZones,
  lmOccupationRatings,
  lmOccupations,
  lmOccupationTechnologies,
  lmRelatedOccupations,
  lmTechnologies,
  lmWageLinks,
  lmWages,
} from '@/db/schema';
import { getActiveRelease } from '@/lib/labor-market/release';
import { publicFixture } from '@/test/conformance/public-fixtures';
import { type ImportedRelease, importLaborMarketRelease } from './import-release';
import { activeReleases, releaseProbe } from './release-probe';
import { lockLaborMarketTests } from './test-support';

// The full public release in LAUREL_FIXTURES, imported once for the file (about 20 s on PGlite).
let db: Db;
let fixtureDir: string;
let release: ImportedRelease;
let probe: ReturnType<typeof releaseProbe>;
let unlock: () => Promise<void>;

beforeAll(async () => {
  unlock = await lockLaborMarketTests();
  db = await getDb();
  fixtureDir = publicFixture('labor-market');
  release = await importLaborMarketRelease(db, { dir: fixtureDir });
  probe = releaseProbe(db, release.id);
}, 240_000);

afterAll(async () => {
  await unlock?.();
});

describe('importing the O*NET 29.3 / OEWS 2020–2025 fixture', () => {
  it('becomes the active release, with its version, wage year and row counts', async () => {
    expect(await getActiveRelease(db)).toEqual({
      id: release.id,
      onetVersion: '29.3',
      wageYear: 2025,
      isDemo: false,
    });
    expect(release.source).toBe(fixtureDir);
    expect(release.warnings).toEqual([]);
    expect(release.rowCounts).toMatchObject({
      jobZones: 5,
      occupations: 1016,
      alternateTitles: 56_560,
      reportedTitles: 7_796,
      technologySkills: 32_681,
      skills: 30_765,
      knowledge: 29_007,
      relatedOccupations: 18_460,
      wages: 8_341,
      technologies: 8_775,
      hotTechnologies: 172,
      occupationsWithWage: 995,
    });
  });

  it('stores every row of every file', async () => {
    expect(await probe.rows(lmOccupations)).toBe(1016);
    expect(await probe.rows(lmJobZones)).toBe(5);
    expect(await probe.rows(lmTechnologies)).toBe(8775);
    expect(await probe.rows(lmTechnologies, eq(lmTechnologies.isHot, true))).toBe(172);
    expect(await probe.rows(lmOccupationTechnologies)).toBe(32_681);
    expect(await probe.rows(lmOccupationRatings)).toBe(30_765 + 29_007);
    expect(await probe.rows(lmRelatedOccupations)).toBe(18_460);
    expect(await probe.rows(lmWages)).toBe(8341);
    // Two (code, title) pairs are repeated in O*NET's alternate titles; each is kept once.
    expect(await probe.titleKinds()).toEqual({
      alternate: 56_558,
      short: 3_442,
      reported: 7_796,
    });
  });

  it('links wages as the published crosswalk does: 995 of 1,016 occupations get pay', async () => {
    expect(await probe.wageMatches()).toEqual({
      exact: 961,
      oews_aggregate: 14,
      broad: 20,
      none: 21,
    });
    const [paid] = await db
      .select({ n: count() })
      .from(lmWageLinks)
      .innerJoin(
        lmWages,
        and(
          eq(lmWages.releaseId, lmWageLinks.releaseId),
          eq(lmWages.occCode, lmWageLinks.oewsCode),
          eq(lmWages.year, 2025),
          eq(lmWages.occGroup, 'detailed'),
        ),
      )
      .where(
        and(
          eq(lmWageLinks.releaseId, release.id),
          or(isNotNull(lmWages.annualMedian), isNotNull(lmWages.hourlyMedian)),
        ),
      );
    expect(paid?.n).toBeGreaterThanOrEqual(995);
    expect(await probe.wageLinks(['21-1011.00', '13-1021.00', '15-1299.08', '11-1031.00'])).toEqual({
      '21-1011.00': ['21-1018', 'oews_aggregate'],
      '13-1021.00': ['13-1020', 'broad'],
      '15-1299.08': ['15-1299', 'exact'],
      '11-1031.00': [null, 'none'],
    });
  });

  it('reads BLS wages and markers: * and ** are null, # is null and recorded as top-coded', async () => {
    expect(await probe.wage(2025, '15-1252')).toMatchObject({
      occTitle: 'Software Developers',
      annualMedian: 135_980,
      annualP10: 82_460,
      annualP90: 214_670,
      topcoded: [],
    });
    // Actors: hourly only; the annual columns hold '*'.
    expect(await probe.wage(2025, '27-2011')).toMatchObject({ annualMedian: null, hourlyMedian: 29.05 });
    expect(await probe.wage(2020, '11-0000', 'major')).toMatchObject({
      annualP90: null,
      hourlyP90: null,
      annualMedian: 109_760,
      topcoded: ['annual_p90', 'hourly_p90'],
    });
    expect(await probe.wage(2020, '13-1074')).toMatchObject({ employment: null, annualMedian: 47_780 });
  });

  it('builds technologies with distinct slugs and aliases for the names badges use', async () => {
    expect(await probe.slugs(['C', 'C++', 'C#'])).toEqual({
      C: 'c',
      'C++': 'c-plus-plus',
      'C#': 'c-sharp',
    });
    expect(await probe.aliases(['aws', 'postgres', 'html', 'microsoft azure', 'react', 'erp'])).toEqual({
      aws: 'amazon-web-services-aws-software', // curated
      postgres: 'postgresql', // curated
      html: 'hypertext-markup-language-html', // derived: trailing acronym
      'microsoft azure': 'microsoft-azure-software', // derived: without " software"
      // "react" is a technology's own name; "erp" would point at 15 technologies.
    });
  });

  it('links technologies to occupations with O*NET’s in-demand flag', async () => {
    const [link] = await db
      .select()
      .from(lmOccupationTechnologies)
      .where(
        and(
          eq(lmOccupationTechnologies.releaseId, release.id),
          eq(lmOccupationTechnologies.code, '15-1242.00'),
          eq(lmOccupationTechnologies.technologySlug, 'postgresql'),
        ),
      );
    expect(link).toMatchObject({ isInDemand: true, commodityTitle: expect.any(String) });
  });

  it('is the only active release', async () => {
    expect(await activeReleases(db)).toEqual([{ id: release.id, status: 'active' }]);
  });
});
