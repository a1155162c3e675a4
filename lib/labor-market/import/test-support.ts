/**
 * For the labor-market tests: a small but complete release (the demo release the seed ships,
 * db/seed/demo-release) written into a temporary directory, so broken copies are cheap to import,
 * and a lock that keeps test files which import releases from replacing each other's release
 * mid-test. Nothing here reads outside the repository.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { toCsv, writeDemoRelease } from '@/db/seed/demo-release/write-release';

export { toCsv };

export function readCsv(file: string): string[][] {
  return parse(readFileSync(file, 'utf8')) as string[][];
}

/**
 * The demo release: 34 occupations (computer occupations, Actors paid by the hour, Buyers paid
 * from a broad OEWS group, Legislators with no OEWS wage, …) with OEWS rows for 2023–2025,
 * imported in about a second. Written to a new temporary directory each time, so a test can
 * break its copy.
 */
export function writeSmallRelease(): { dir: string; cleanup: () => void } {
  return writeDemoRelease();
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
