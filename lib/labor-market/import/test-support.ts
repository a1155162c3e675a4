/**
 * For the labor-market tests: the fixture directory, a small but complete release written from
 * it into a temporary directory (so broken copies are cheap to import), and a lock that keeps
 * test files which import releases from replacing each other's release mid-test.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

/** The fixture release, resolved from the repository root (CI has `shared` beside the clone). */
export const FIXTURE_DIR = path.resolve('..', 'shared', 'fixtures', 'labor-market');

const ONET_FILES = [
  'onet_occupations.csv',
  'onet_alternate_titles.csv',
  'onet_reported_titles.csv',
  'onet_technology_skills.csv',
  'onet_skills.csv',
  'onet_knowledge.csv',
  'onet_related_occupations.csv',
  'onet_to_oews_2025.csv',
];

const cell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
export const toCsv = (rows: string[][]) => `${rows.map((r) => r.map(cell).join(',')).join('\n')}\n`;

export function readCsv(file: string): string[][] {
  return parse(readFileSync(file, 'utf8')) as string[][];
}

let smallRelease: Map<string, string | Buffer> | null = null;

/** The small release's files by name, cut from the fixture once per test file. */
function smallReleaseFiles(): Map<string, string | Buffer> {
  if (smallRelease) return smallRelease;
  const files = new Map<string, string | Buffer>();
  const keep = (code: string | undefined) =>
    code !== undefined && (code.startsWith('15-') || code === '27-2011.00' || code === '13-1021.00');
  for (const name of ONET_FILES) {
    const [header = [], ...rows] = readCsv(path.join(FIXTURE_DIR, name));
    const related = header.indexOf('related_onet_soc_code');
    files.set(
      name,
      toCsv([header, ...rows.filter((r) => keep(r[0]) && (related === -1 || keep(r[related])))]),
    );
  }
  const [wageHeader = [], ...wages] = readCsv(path.join(FIXTURE_DIR, 'bls_oews_national_2020_2025.csv'));
  const recent = wages.filter((r) => r[0] === '2024' || r[0] === '2025');
  files.set('bls_oews_national_2020_2025.csv', toCsv([wageHeader, ...recent]));
  const zones = 'onet_job_zone_reference.csv';
  files.set(zones, readFileSync(path.join(FIXTURE_DIR, zones)));
  files.set('README.md', 'A cut of the O\\*NET 29.3 Database and OEWS May 2025, for tests.\n');
  smallRelease = files;
  return files;
}

/**
 * The fixture cut down to the computer occupations (15-xxxx), Actors and Buyers (hourly-only and
 * broad pay), with OEWS rows for 2024–2025: about 40 occupations, imported in about a second.
 * Written to a new temporary directory each time, so a test can break its copy.
 */
export function writeSmallRelease(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'laurel-lm-'));
  for (const [name, content] of smallReleaseFiles()) writeFileSync(path.join(dir, name), content);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

// Any constant; the same in every test file that imports releases.
const TEST_LOCK_ID = 7_246_007;

/**
 * On PostgreSQL every test file shares one database and files run in parallel, so an import in
 * one file would retire, and the next one delete, the release another file is asserting on.
 * Taken in beforeAll and released in afterAll, this lock runs such files one after another. On
 * PGlite each file has its own database and the lock is not needed.
 */
export async function lockLaborMarketTests(): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  if (!url) return async () => {};
  const { default: postgres } = await import('postgres');
  const client = postgres(url, { max: 1, onnotice: () => {} });
  await client`select pg_advisory_lock(${TEST_LOCK_ID})`;
  return async () => {
    await client`select pg_advisory_unlock(${TEST_LOCK_ID})`;
    await client.end();
  };
}
