import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, getDb } from '@/db/client';
import {
  laborMarketReleases,
  lmOccupationRatings,
  lmOccupations,
  lmOccupationTitles,
  lmTechnologies,
  lmWages,
} from '@/db/schema';
import { lockLaborMarketTests } from '@/lib/labor-market/import/test-support';
import { getActiveRelease } from '@/lib/labor-market/release';
import { FetchError } from './errors';
import { type FetchReleaseOptions, fetchLaborMarketRelease } from './fetch-release';
import {
  closedPort,
  oewsZip,
  onetTextFiles,
  onetZip,
  type Route,
  serveFiles,
  softwareMedian,
} from './test-support';

let db: Db;
let unlock: () => Promise<void>;

beforeAll(async () => {
  unlock = await lockLaborMarketTests();
  db = await getDb();
}, 240_000);

afterAll(async () => {
  await unlock?.();
});

/** What the publishers' sites serve: O*NET 30.1 (and an older link), OEWS May 2023 and 2024. */
async function officialRoutes(onet?: Buffer): Promise<Map<string, Route>> {
  return new Map<string, Route>([
    [
      '/database.html',
      '<a href="/dl_files/database/db_29_3_text.zip">29.3</a> <a href="/dl_files/database/db_30_1_text.zip">30.1</a>',
    ],
    ['/dl_files/database/db_30_1_text.zip', onet ?? (await onetZip('30.1'))],
    ['/oes/special-requests/oesm24nat.zip', await oewsZip(2024)],
    ['/oes/special-requests/oesm23nat.zip', await oewsZip(2023)],
  ]);
}

/** Fetches from a local server serving `routes`; May 2025 is not out yet (a 404), as in early 2026. */
async function fetchFrom(routes: Map<string, Route>, options: FetchReleaseOptions = {}) {
  const server = await serveFiles(routes);
  try {
    const release = await fetchLaborMarketRelease(db, {
      onetBaseUrl: server.baseUrl,
      blsBaseUrl: server.baseUrl,
      years: 2,
      now: new Date('2026-02-01T00:00:00Z'),
      ...options,
    });
    return { release, requests: server.requests };
  } finally {
    await server.close();
  }
}

/** The message of what `promise` rejects with; fails the test if it resolves. */
async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return (error as Error).message;
}

const leftovers = async () => (await readdir(tmpdir())).filter((n) => n.startsWith('laurel-lm-fetch-'));

describe('labor-market fetch from the publishers (a local server)', () => {
  let activeId: string;

  it('downloads the newest O*NET text release and two OEWS years, converts and imports them', async () => {
    const { release, requests } = await fetchFrom(await officialRoutes());
    activeId = release.id;
    expect(await getActiveRelease(db)).toEqual({
      id: release.id,
      onetVersion: '30.1',
      wageYear: 2024,
      isDemo: false,
    });
    expect(release.wageYears).toEqual([2024, 2023]);
    expect(requests.map((r) => r.path)).toEqual([
      '/database.html',
      '/dl_files/database/db_30_1_text.zip',
      '/oes/special-requests/oesm25nat.zip',
      '/oes/special-requests/oesm24nat.zip',
      '/oes/special-requests/oesm23nat.zip',
    ]);
    expect(requests.every((r) => r.userAgent?.startsWith('Laurel/'))).toBe(true);
    const [source] = await db
      .select({ source: laborMarketReleases.source })
      .from(laborMarketReleases)
      .where(eq(laborMarketReleases.id, release.id));
    expect(source?.source).toContain('/dl_files/database/db_30_1_text.zip');

    const occupations = await db
      .select({ code: lmOccupations.code, jobZone: lmOccupations.jobZone })
      .from(lmOccupations)
      .where(eq(lmOccupations.releaseId, release.id))
      .orderBy(lmOccupations.code);
    expect(occupations).toEqual([
      { code: '13-1021.00', jobZone: 3 },
      { code: '15-1211.00', jobZone: 4 },
      { code: '15-1252.00', jobZone: 4 },
      { code: '27-2011.00', jobZone: 2 },
    ]);
    const wages = await db
      .select({
        year: lmWages.year,
        median: lmWages.annualMedian,
        hourly: lmWages.hourlyMedian,
        p90: lmWages.annualP90,
        topcoded: lmWages.topcoded,
      })
      .from(lmWages)
      .where(and(eq(lmWages.releaseId, release.id), eq(lmWages.occCode, '15-1252')))
      .orderBy(lmWages.year);
    // BLS's `#` (at or above the top code) is no number but a top-coded column; Excel's float
    // noise (66.359999999999…) is rounded away.
    expect(wages).toEqual([
      {
        year: 2023,
        median: softwareMedian(2023),
        hourly: 65.39,
        p90: null,
        topcoded: ['annual_p90', 'hourly_p90'],
      },
      {
        year: 2024,
        median: softwareMedian(2024),
        hourly: 66.36,
        p90: null,
        topcoded: ['annual_p90', 'hourly_p90'],
      },
    ]);
    const [actors] = await db
      .select({ annual: lmWages.annualMedian, hourly: lmWages.hourlyMedian })
      .from(lmWages)
      .where(and(eq(lmWages.releaseId, release.id), eq(lmWages.occCode, '27-2011'), eq(lmWages.year, 2024)));
    expect(actors).toEqual({ annual: null, hourly: 29.05 });
    const technologies = await db
      .select({ name: lmTechnologies.name, isHot: lmTechnologies.isHot })
      .from(lmTechnologies)
      .where(eq(lmTechnologies.releaseId, release.id))
      .orderBy(lmTechnologies.name);
    expect(technologies.map((t) => t.name)).toEqual(['Atlassian JIRA', 'Microsoft Excel', 'Python']);
    // IM and LV rows became one rating; Recommend Suppress on either marks it low confidence.
    const programming = await db
      .select({
        importance: lmOccupationRatings.importance,
        level: lmOccupationRatings.level,
        low: lmOccupationRatings.isLowConfidence,
      })
      .from(lmOccupationRatings)
      .where(
        and(
          eq(lmOccupationRatings.releaseId, release.id),
          eq(lmOccupationRatings.code, '15-1252.00'),
          eq(lmOccupationRatings.elementId, '2.B.3.e'),
        ),
      );
    expect(programming).toEqual([{ importance: 4.5, level: 5.38, low: true }]);
    // O*NET's "n/a" short title is no title; "SDE" is one.
    const short = await db
      .select({ title: lmOccupationTitles.title })
      .from(lmOccupationTitles)
      .where(and(eq(lmOccupationTitles.releaseId, release.id), eq(lmOccupationTitles.kind, 'short')));
    expect(short).toEqual([{ title: 'SDE' }]);
    expect(await leftovers()).toEqual([]);
  });

  it('refuses a truncated zip with a clear message and keeps the previous release active', async () => {
    const whole = await onetZip('30.1');
    const message = await failure(
      fetchFrom(await officialRoutes(whole.subarray(0, Math.floor(whole.length * 0.6)))),
    );
    expect(message).toMatch(/^db_30_1_text\.zip is not a complete zip file .*cut short/);
    expect((await getActiveRelease(db))?.id).toBe(activeId);
    expect(await leftovers()).toEqual([]);
  });

  it('names the file and the column when O*NET renamed a column', async () => {
    const files = onetTextFiles('30.1');
    files.set('Skills.txt', (files.get('Skills.txt') ?? '').replace('Data Value', 'Value'));
    const message = await failure(fetchFrom(await officialRoutes(await onetZip('30.1', files))));
    expect(message).toMatch(
      /^Skills\.txt has no column 'Data Value' \(found: O\*NET-SOC Code, Title, .*Value/,
    );
    expect((await getActiveRelease(db))?.id).toBe(activeId);
  });

  it('names the missing files when the zip is not a whole release', async () => {
    const files = onetTextFiles('30.1');
    files.delete('Knowledge.txt');
    files.delete('Technology Skills.txt');
    const message = await failure(fetchFrom(await officialRoutes(await onetZip('30.1', files))));
    expect(message).toBe(
      'db_30_1_text.zip is not a complete O*NET text release: missing Technology Skills.txt or Software Skills.txt, Knowledge.txt.',
    );
  });

  it('accepts the technology file under its 30.x name, Software Skills.txt', async () => {
    const files = onetTextFiles('30.1');
    files.set('Software Skills.txt', files.get('Technology Skills.txt') ?? '');
    files.delete('Technology Skills.txt');
    const { release } = await fetchFrom(await officialRoutes(await onetZip('30.1', files)));
    expect(release.rowCounts.technologySkills).toBe(4);
    activeId = release.id;
  });

  it('says the site cannot be reached when nothing listens, and keeps the previous release', async () => {
    const port = await closedPort();
    const error = await fetchLaborMarketRelease(db, {
      onetBaseUrl: `http://127.0.0.1:${port}`,
      years: 1,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect(error.message).toBe(
      `Could not reach 127.0.0.1:${port} (connection refused). Check your connection, or download the files yourself and use --from <dir> (see --help).`,
    );
    expect((await getActiveRelease(db))?.id).toBe(activeId);
    expect(await leftovers()).toEqual([]);
  });

  it('names the URL and status of an HTTP error', async () => {
    const routes = await officialRoutes();
    routes.set('/dl_files/database/db_30_1_text.zip', { status: 503 });
    const message = await failure(fetchFrom(routes, { onetVersion: '30.1' }));
    expect(message).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/dl_files\/database\/db_30_1_text\.zip answered HTTP 503 Service Unavailable/,
    );
  });

  it('refuses a release other than the pinned version', async () => {
    const routes = await officialRoutes();
    routes.set('/dl_files/database/db_30_1_text.zip', await onetZip('30.0'));
    const message = await failure(fetchFrom(routes, { onetVersion: '30.1' }));
    expect(message).toBe('db_30_1_text.zip is O*NET 30.0, not the 30.1 asked for.');
  });
});

describe('labor-market fetch --from files already downloaded', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'laurel-lm-from-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('imports a directory of the official zips without touching the network', async () => {
    await writeFile(path.join(dir, 'db_30_1_text.zip'), await onetZip('30.1'));
    await writeFile(path.join(dir, 'oesm24nat.zip'), await oewsZip(2024));
    await writeFile(path.join(dir, 'oesm23nat.zip'), await oewsZip(2023));
    const port = await closedPort(); // any download would fail
    const release = await fetchLaborMarketRelease(db, {
      from: dir,
      onetBaseUrl: `http://127.0.0.1:${port}`,
      blsBaseUrl: `http://127.0.0.1:${port}`,
    });
    expect(await getActiveRelease(db)).toEqual({
      id: release.id,
      onetVersion: '30.1',
      wageYear: 2024,
      isDemo: false,
    });
    expect(release.rowCounts).toMatchObject({
      occupations: 4,
      skills: 8,
      knowledge: 4,
      relatedOccupations: 2,
    });
    expect(release.wageYears).toEqual([2024, 2023]);
  });

  it('reads an extracted db_*_text folder and the workbooks beside it', async () => {
    const extracted = path.join(dir, 'db_30_1_text');
    await mkdir(extracted);
    for (const [name, content] of onetTextFiles('30.1')) await writeFile(path.join(extracted, name), content);
    const { oewsWorkbook } = await import('./test-support');
    await writeFile(path.join(dir, 'national_M2024_dl.xlsx'), await oewsWorkbook(2024));
    const release = await fetchLaborMarketRelease(db, { from: extracted, years: 1 });
    expect(release.wageYears).toEqual([2024]);
    expect(release.source).toContain('national_M2024_dl.xlsx');
  });
});
