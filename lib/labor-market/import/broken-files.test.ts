import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, getDb, rowsOf } from '@/db/client';
import { laborMarketReleases } from '@/db/schema';
import { isAppError } from '@/lib/errors';
import { getActiveRelease } from '@/lib/labor-market/release';
import { importLaborMarketRelease } from './import-release';
import { lockLaborMarketTests, readCsv, toCsv, writeSmallRelease } from './test-support';

let db: Db;
let unlock: () => Promise<void>;
let small: ReturnType<typeof writeSmallRelease>;

beforeAll(async () => {
  unlock = await lockLaborMarketTests();
  db = await getDb();
}, 240_000);

afterAll(async () => {
  small?.cleanup();
  await unlock?.();
});

/** A fresh copy of the small release to break; `edit` gets the path of one of its files. */
function brokenCopy(file: string, edit: (filePath: string) => void): string {
  small?.cleanup();
  small = writeSmallRelease();
  edit(path.join(small.dir, file));
  return small.dir;
}

/** Changes one cell of a CSV file, by data row (1 = the first after the header) and column name. */
function setCell(filePath: string, row: number, column: string, value: string) {
  const [header = [], ...rows] = readCsv(filePath);
  const target = rows[row - 1];
  if (!target) throw new Error(`no row ${row}`);
  target[header.indexOf(column)] = value;
  writeFileSync(filePath, toCsv([header, ...rows]));
}

/** Everything a failed import could have left behind: releases and their rows, in all tables. */
async function snapshot() {
  const releases = await db
    .select({ id: laborMarketReleases.id, status: laborMarketReleases.status })
    .from(laborMarketReleases)
    .orderBy(laborMarketReleases.id);
  const [rows] = rowsOf<Record<string, number>>(
    await db.execute(sql`select
      (select count(*)::int from lm_occupations) as occupations,
      (select count(*)::int from lm_occupation_titles) as titles,
      (select count(*)::int from lm_technologies) as technologies,
      (select count(*)::int from lm_occupation_technologies) as links,
      (select count(*)::int from lm_occupation_ratings) as ratings,
      (select count(*)::int from lm_related_occupations) as related,
      (select count(*)::int from lm_wages) as wages,
      (select count(*)::int from lm_wage_links) as wage_links`),
  );
  return { releases, rows };
}

/** Imports `dir`, expects an `invalid` error, and checks the database is exactly as before. */
async function expectRefused(dir: string, options: { onetVersion?: string } = {}): Promise<string> {
  const before = await snapshot();
  const error = await importLaborMarketRelease(db, { dir, ...options }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error, 'invalid'), String(error)).toBe(true);
  expect(await snapshot()).toEqual(before);
  return (error as Error).message;
}

describe('re-importing a release', () => {
  it('replaces the active release in one step and keeps the one it replaced until the next import', async () => {
    small = writeSmallRelease();
    const first = await importLaborMarketRelease(db, { dir: small.dir });
    expect(first.rowCounts.occupations).toBeGreaterThan(30);
    expect(await getActiveRelease(db)).toMatchObject({ id: first.id, onetVersion: '29.3', wageYear: 2025 });

    const second = await importLaborMarketRelease(db, { dir: small.dir });
    const third = await importLaborMarketRelease(db, { dir: small.dir });
    const statuses = await db
      .select({ id: laborMarketReleases.id, status: laborMarketReleases.status })
      .from(laborMarketReleases);
    const status = (id: string) => statuses.find((r) => r.id === id)?.status;
    expect([status(first.id), status(second.id), status(third.id)]).toEqual([undefined, 'retired', 'active']);
    expect(statuses.filter((r) => r.status === 'active')).toHaveLength(1);
    // The first release's rows went with it; the second's are still there.
    const [gone] = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from lm_occupations where release_id = ${first.id}`),
    );
    const [kept] = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from lm_occupations where release_id = ${second.id}`),
    );
    expect(gone?.n).toBe(0);
    expect(kept?.n).toBe(first.rowCounts.occupations);
  });

  it('accepts columns in another order, extra columns, and O*NET’s own file and header names', async () => {
    const dir = brokenCopy('onet_occupations.csv', (file) => {
      const [header = [], ...rows] = readCsv(file);
      const reordered = [header, ...rows].map((r) => [
        r[3] ?? '',
        'extra',
        r[1] ?? '',
        r[2] ?? '',
        r[0] ?? '',
      ]);
      reordered[0] = ['Job Zone', 'Notes', 'Title', 'Description', 'O*NET-SOC Code'];
      writeFileSync(file, toCsv(reordered));
      renameSync(file, path.join(path.dirname(file), 'Occupation Data.csv'));
    });
    const release = await importLaborMarketRelease(db, { dir });
    // The demo release has few of the technologies curated aliases point at; those are reported as unused.
    expect(release.warnings.filter((w) => !w.startsWith('curated alias'))).toEqual([]);
    const [occupation] = rowsOf<{ title: string; job_zone: number }>(
      await db.execute(
        sql`select title, job_zone from lm_occupations where release_id = ${release.id} and code = '15-1252.00'`,
      ),
    );
    expect(occupation).toEqual({ title: 'Software Developers', job_zone: 4 });
  });
});

describe('refusing a broken release, leaving the database as it was', () => {
  it('names a missing column and the columns it found', async () => {
    const dir = brokenCopy('onet_skills.csv', (file) => {
      const rows = readCsv(file).map((r) => r.filter((_, i) => i !== 3));
      writeFileSync(file, toCsv(rows));
    });
    expect(await expectRefused(dir)).toBe(
      "onet_skills.csv: missing column 'importance' (found: onet_soc_code, element_id, element_name, level, not_relevant, recommend_suppress)",
    );
  });

  it('lists bad numbers with their line numbers', async () => {
    const dir = brokenCopy('onet_skills.csv', (file) => {
      setCell(file, 3, 'importance', '4,5');
      setCell(file, 10, 'level', 'high');
      setCell(file, 12, 'importance', '9');
    });
    expect(await expectRefused(dir)).toBe(
      [
        'onet_skills.csv: 3 bad rows; nothing was imported.',
        "  line 4: importance '4,5' is not a number",
        "  line 11: level 'high' is not a number",
        '  line 13: importance 9 is outside 1–5',
      ].join('\n'),
    );
  });

  it('refuses a wage that is neither a number nor a BLS marker, and lists at most 20 lines', async () => {
    const dir = brokenCopy('bls_oews_national_2023_2025.csv', (file) => {
      for (let row = 1; row <= 25; row++) setCell(file, row, 'a_median', 'N/A');
    });
    const message = await expectRefused(dir);
    expect(message).toMatch(/^bls_oews_national_2023_2025\.csv: 25 bad rows; nothing was imported\.\n/);
    expect(message).toContain("  line 2: a_median 'N/A' is not a number or a BLS marker (*, **, #)");
    expect(message).toContain('  line 21: a_median');
    expect(message).not.toContain('  line 22:');
    expect(message).toMatch(/… and 5 more$/);
  });

  it('detects a file cut off in the middle of a row', async () => {
    const dir = brokenCopy('onet_technology_skills.csv', (file) => {
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.slice(0, text.indexOf('\n', 2000) + 20));
    });
    expect(await expectRefused(dir)).toMatch(
      /^onet_technology_skills\.csv: 1 bad row; nothing was imported\.\n {2}line \d+: wrong number of values \(\d where the header has 6\): the file looks truncated/,
    );
  });

  it('detects a file cut off inside a quoted value', async () => {
    const dir = brokenCopy('onet_occupations.csv', (file) => {
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.slice(0, text.indexOf(',"', 5000) + 30));
    });
    expect(await expectRefused(dir)).toMatch(
      /^onet_occupations\.csv: 1 bad row; nothing was imported\.\n {2}line \d+: a quoted value is never closed: the file looks truncated$/,
    );
  });

  it('detects a last row without its line break', async () => {
    const dir = brokenCopy('onet_related_occupations.csv', (file) => {
      writeFileSync(file, readFileSync(file, 'utf8').trimEnd());
    });
    expect(await expectRefused(dir)).toMatch(/line \d+: the last row does not end with a line break/);
  });

  it('names a missing file', async () => {
    const dir = brokenCopy('onet_knowledge.csv', (file) => rmSync(file));
    expect(await expectRefused(dir)).toBe(`${dir}: missing file onet_knowledge.csv.`);
  });

  it('refuses codes that no occupation has, with the line', async () => {
    const dir = brokenCopy('onet_related_occupations.csv', (file) => {
      setCell(file, 2, 'related_onet_soc_code', '99-9999.00');
      setCell(file, 4, 'relatedness_tier', 'Primary');
    });
    expect(await expectRefused(dir)).toBe(
      [
        'onet_related_occupations.csv: 2 bad rows; nothing was imported.',
        '  line 3: related_onet_soc_code 99-9999.00 is not in the occupations file',
        "  line 5: relatedness_tier 'Primary' must be one of Primary-Short, Primary-Long, Supplemental",
      ].join('\n'),
    );
  });

  it('asks for --onet-version when the README does not give it', async () => {
    const dir = brokenCopy('README.md', (file) => rmSync(file));
    expect(await expectRefused(dir)).toMatch(/cannot tell which O\*NET release this is.*pass --onet-version/);
    const release = await importLaborMarketRelease(db, { dir, onetVersion: '30.1' });
    expect(await getActiveRelease(db)).toEqual({
      id: release.id,
      onetVersion: '30.1',
      wageYear: 2025,
      isDemo: false,
    });
  });
});

// PGlite runs one query at a time, so only PostgreSQL can answer a reader mid-import: this exists
// in the PostgreSQL run of the suite (CI runs both), not as a skipped test in the PGlite one.
if (process.env.DATABASE_URL) {
  describe('a lookup while an import runs', () => {
    it('still sees the previous release', async () => {
      small?.cleanup();
      small = writeSmallRelease();
      const before = await getActiveRelease(db);
      let seen: Promise<unknown> | undefined;
      const release = await importLaborMarketRelease(db, {
        dir: small.dir,
        progress: {
          fileStarted: () => {},
          rowsRead: () => {},
          fileDone: (file) => {
            if (file === 'onet_technology_skills.csv') {
              seen = Promise.all([
                getActiveRelease(db),
                db
                  .select({ n: count() })
                  .from(laborMarketReleases)
                  .where(eq(laborMarketReleases.status, 'loading')),
              ]);
            }
          },
        },
      });
      expect(await seen).toEqual([before, [{ n: 0 }]]);
      expect((await getActiveRelease(db))?.id).toBe(release.id);
    });
  });
}
