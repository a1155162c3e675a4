import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, getDb } from '@/db/client';
import {
  lmJobZones,
  lmOccupationRatings,
  lmOccupations,
  lmOccupationTechnologies,
  lmRelatedOccupations,
  lmTechnologies,
  lmWages,
} from '@/db/schema';
import { getActiveRelease } from '@/lib/labor-market/release';
import { type ImportedRelease, importLaborMarketRelease } from './import-release';
import { activeReleases, releaseProbe } from './release-probe';
import { lockLaborMarketTests, writeSmallRelease } from './test-support';

// The demo release the seed ships, imported once for the file. The full public release has its
// own test (import-release.conformance.test.ts).
let db: Db;
let release: ImportedRelease;
let probe: ReturnType<typeof releaseProbe>;
let unlock: () => Promise<void>;
let small: ReturnType<typeof writeSmallRelease>;

beforeAll(async () => {
  unlock = await lockLaborMarketTests();
  db = await getDb();
  small = writeSmallRelease();
  release = await importLaborMarketRelease(db, { dir: small.dir });
  probe = releaseProbe(db, release.id);
}, 240_000);

afterAll(async () => {
  small?.cleanup();
  await unlock?.();
});

describe('importing the demo release (O*NET 29.3 facts, OEWS 2023–2025)', () => {
  it('becomes the active release, with its version, wage year and row counts', async () => {
    expect(await getActiveRelease(db)).toEqual({
      id: release.id,
      onetVersion: '29.3',
      wageYear: 2025,
      isDemo: false, // only the seed marks it as the demo
    });
    expect(release.source).toBe(small.dir);
    // The release has few of the technologies the curated aliases point at; nothing else is wrong.
    expect(release.warnings.filter((w) => !w.startsWith('curated alias'))).toEqual([]);
    expect(release.warnings).toContain(
      "curated alias 'SPSS': this release has no technology 'IBM SPSS Statistics'",
    );
    expect(release.rowCounts).toMatchObject({
      jobZones: 5,
      occupations: 34,
      alternateTitles: 154,
      reportedTitles: 128,
      technologySkills: 527,
      skills: 150,
      knowledge: 90,
      relatedOccupations: 179,
      wages: 102,
      technologies: 52,
      hotTechnologies: 47,
      occupationsWithWage: 33,
    });
  });

  it('stores every row of every file', async () => {
    expect(await probe.rows(lmOccupations)).toBe(34);
    expect(await probe.rows(lmJobZones)).toBe(5);
    expect(await probe.rows(lmTechnologies)).toBe(52);
    expect(await probe.rows(lmTechnologies, eq(lmTechnologies.isHot, true))).toBe(47);
    expect(await probe.rows(lmOccupationTechnologies)).toBe(527);
    expect(await probe.rows(lmOccupationRatings)).toBe(150 + 90);
    expect(await probe.rows(lmRelatedOccupations)).toBe(179);
    expect(await probe.rows(lmWages)).toBe(102);
    expect(await probe.titleKinds()).toEqual({
      alternate: 154,
      short: 47,
      reported: 128,
    });
  });

  it('links wages exactly, through an OEWS aggregate or a broad group, or not at all', async () => {
    expect(await probe.wageMatches()).toEqual({
      exact: 31,
      oews_aggregate: 1,
      broad: 1,
      none: 1,
    });
    expect(
      await probe.wageLinks(['21-1011.00', '13-1021.00', '15-1299.08', '29-1141.01', '11-1031.00']),
    ).toEqual({
      '21-1011.00': ['21-1018', 'oews_aggregate'],
      '13-1021.00': ['13-1020', 'broad'],
      '15-1299.08': ['15-1299', 'exact'],
      '29-1141.01': ['29-1141', 'exact'], // a specialisation takes its SOC code's pay
      '11-1031.00': [null, 'none'],
    });
  });

  it('reads BLS wages and markers: * is null, # is null and recorded as top-coded', async () => {
    expect(await probe.wage(2025, '15-1252')).toMatchObject({
      occTitle: 'Software Developers',
      employment: 1_687_890,
      annualMedian: 135_980,
      annualP10: 82_460,
      annualP90: 214_670,
      hourlyMedian: 65.38,
      topcoded: [],
    });
    // Actors: hourly only; teachers: annual only.
    expect(await probe.wage(2025, '27-2011')).toMatchObject({ annualMedian: null, hourlyMedian: 29.05 });
    expect(await probe.wage(2025, '25-2021')).toMatchObject({ annualMedian: 63_970, hourlyMedian: null });
    expect(await probe.wage(2024, '11-3021')).toMatchObject({
      annualMedian: 171_200,
      annualP90: null,
      hourlyP90: null,
      topcoded: ['annual_p90', 'hourly_p90'],
    });
  });

  it('builds technologies with distinct slugs and aliases for the names badges use', async () => {
    expect(await probe.slugs(['C++', 'C#'])).toEqual({
      'C++': 'c-plus-plus',
      'C#': 'c-sharp',
    });
    expect(await probe.aliases(['aws', 'postgres', 'sql', 'html', 'microsoft azure', 'react'])).toEqual({
      aws: 'amazon-web-services-aws-software', // curated
      postgres: 'postgresql', // curated
      sql: 'structured-query-language-sql', // curated (and derived)
      html: 'hypertext-markup-language-html', // derived: trailing acronym
      'microsoft azure': 'microsoft-azure-software', // derived: without " software"
      // "react" is a technology's own name.
    });
  });

  it('links technologies to occupations with O*NET’s in-demand flag', async () => {
    const links = await db
      .select({ code: lmOccupationTechnologies.code, isInDemand: lmOccupationTechnologies.isInDemand })
      .from(lmOccupationTechnologies)
      .where(
        and(
          eq(lmOccupationTechnologies.releaseId, release.id),
          eq(lmOccupationTechnologies.technologySlug, 'postgresql'),
          sql`${lmOccupationTechnologies.code} in ('15-1242.00', '15-1243.00')`,
        ),
      );
    expect(Object.fromEntries(links.map((l) => [l.code, l.isInDemand]))).toEqual({
      '15-1242.00': true,
      '15-1243.00': false,
    });
  });

  it('is the only active release', async () => {
    expect(await activeReleases(db)).toEqual([{ id: release.id, status: 'active' }]);
  });
});
