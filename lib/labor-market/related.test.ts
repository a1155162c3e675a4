import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, getDb } from '@/db/client';
import { jobPostings } from '@/db/schema';
import { importLaborMarketRelease } from './import/import-release';
import { lockLaborMarketTests, writeSmallRelease } from './import/test-support';
import { findRelatedOccupations } from './related';

// The demo release (db/seed/demo-release), imported once for the file.
let db: Db;
let unlock: () => Promise<void>;
let small: ReturnType<typeof writeSmallRelease>;

beforeAll(async () => {
  unlock = await lockLaborMarketTests();
  db = await getDb();
  small = writeSmallRelease();
  await importLaborMarketRelease(db, { dir: small.dir });
}, 240_000);

afterAll(async () => {
  small?.cleanup();
  await unlock?.();
});

const related = (tags: string[], limit?: number) => findRelatedOccupations(db, { tags, limit });

describe('findRelatedOccupations', () => {
  it('ranks Database Administrators and Software Developers first for Python + AWS + PostgreSQL', async () => {
    const result = await related(['Python', 'AWS', 'PostgreSQL'], 5);
    expect(result.release).toEqual({ onetVersion: '29.3', wageYear: 2025, isDemo: false });
    expect(result.unmatchedTags).toEqual([]);
    // All three score 7.5 (each tag: 1, +0.5 hot, +1 in demand); in-demand coverage breaks the
    // tie: 3 of 16 for DBAs, 3 of 19 for Software Developers, 3 of 20 for Web Developers.
    expect(result.occupations.slice(0, 3).map((o) => [o.code, o.score])).toEqual([
      ['15-1242.00', 7.5],
      ['15-1252.00', 7.5],
      ['15-1254.00', 7.5],
    ]);
    expect(result.occupations[3]?.score).toBe(6.5);
    expect(result.occupations).toHaveLength(5);
    expect(result.occupations[1]).toMatchObject({
      title: 'Software Developers',
      matchedTags: ['Python', 'AWS', 'PostgreSQL'],
      wage: { year: 2025, median: 135_980, p10: 82_460, p90: 214_670, unit: 'year', isExact: true },
    });
    expect(result.occupations[0]?.wage).toMatchObject({ median: 104_620, p10: 60_230, p90: 163_320 });
  });

  it('finds cloud engineering for Kubernetes + Terraform + Microsoft Azure', async () => {
    const result = await related(['Kubernetes', 'Terraform', 'Microsoft Azure software'], 3);
    expect(result.occupations.map((o) => o.code).slice(0, 2)).toEqual(['15-1299.08', '15-1252.00']);
  });

  it('resolves aliases, keeps exact names first, and lists the tags it cannot match', async () => {
    const result = await related(['AWS', 'Blorptastic Frobnication', 'Cloud Security'], 3);
    expect(result.unmatchedTags).toEqual(['Blorptastic Frobnication']);
    // AWS (hot, in demand: 2.5) and a job title, "Cloud Security Engineer" (2.5).
    expect(result.occupations[0]).toMatchObject({
      code: '15-1212.00',
      score: 5,
      matchedTags: ['AWS', 'Cloud Security'],
    });

    const postgres = await related(['Postgres'], 3);
    const postgresql = await related(['PostgreSQL'], 3);
    expect(postgres.occupations).toEqual(
      postgresql.occupations.map((o) => ({ ...o, matchedTags: ['Postgres'] })),
    );
    // "HTML" and "Microsoft Azure" are derived aliases; "React" is itself a technology name.
    const web = await related(['React', 'HTML', 'Microsoft Azure'], 3);
    expect(web.unmatchedTags).toEqual([]);
    expect(web.occupations.map((o) => o.code)).toContain('15-1254.00');
  });

  it('counts a tag once however often it is given, and ignores blank tags', async () => {
    const once = await related(['Python'], 5);
    const repeated = await related(['Python', ' python ', 'PYTHON', '  '], 5);
    expect(repeated.occupations).toEqual(once.occupations);
    expect(repeated.unmatchedTags).toEqual([]);
  });

  it('shows hourly pay where OEWS publishes no annual wage, and marks pay of a broader group', async () => {
    const actors = await related(['Motion capture software'], 1);
    expect(actors.occupations[0]).toMatchObject({
      code: '27-2011.00',
      wage: { median: 29.05, p10: 16.5, p90: 143.68, unit: 'hour', isExact: true },
    });
    // Buyers (13-1021) take the pay of OEWS's broad 13-1020.
    const buyers = await related(['Product producer databases'], 1);
    expect(buyers.occupations[0]).toMatchObject({
      code: '13-1021.00',
      wage: { median: 77_710, isExact: false },
    });
  });

  it('counts the open listings for each occupation', async () => {
    // Far in the future, so postings other test files add (dated 2026) are closed by then.
    const now = new Date('2031-06-01T00:00:00Z');
    const before = await findRelatedOccupations(db, { tags: ['PostgreSQL'], limit: 3, now });
    const posting = (validThrough: Date | null, datePosted = new Date('2031-05-20T00:00:00Z')) => ({
      orgKey: 'related-test.example',
      externalId: randomUUID(),
      employerName: 'Related Test Inc.',
      title: 'Database Administrator',
      description: 'Keeps the databases up.',
      datePosted,
      validThrough,
      occupationCode: '15-1242.00',
      source: 'related.test.ts',
    });
    await db
      .insert(jobPostings)
      .values([
        posting(new Date('2031-07-01T00:00:00Z')),
        posting(null),
        posting(new Date('2031-05-31T00:00:00Z')),
        posting(null, new Date('2031-01-01T00:00:00Z')),
      ]);
    const after = await findRelatedOccupations(db, { tags: ['PostgreSQL'], limit: 3, now });
    const listings = (r: typeof before, code: string) =>
      r.occupations.find((o) => o.code === code)?.openListings;
    // Open: the one valid until July and the undated one from May; closed: ended in May, undated since January.
    expect(listings(after, '15-1242.00')).toBe((listings(before, '15-1242.00') ?? 0) + 2);
    expect(listings(after, '15-1252.00')).toBe(listings(before, '15-1252.00'));
    // Software Developers share the SOC minor group 15-1xxx: the two count as similar listings there.
    const similar = (r: typeof before, code: string) =>
      r.occupations.find((o) => o.code === code)?.similarListings ?? 0;
    expect(similar(after, '15-1252.00')).toBe(similar(before, '15-1252.00') + 2);
    expect(similar(after, '15-1242.00')).toBe(similar(before, '15-1242.00'));
  });

  it('returns no occupations for no tags, with the release for the credits', async () => {
    expect(await related([])).toEqual({
      release: { onetVersion: '29.3', wageYear: 2025, isDemo: false },
      occupations: [],
      unmatchedTags: [],
      resolved: [],
    });
  });
});
