/**
 * Labor-market data on PostgreSQL.
 * - Import: the fixture release (O*NET 29.3 and OEWS 2020–2025, 186,647 CSV rows) loaded three
 *   times (into an empty database, replacing one release, replacing one and deleting another),
 *   against the baseline of reading and checking the same files without a database. Peak heap
 *   is sampled for both: the import holds at most two batches per table beyond what parsing
 *   holds, so the two peaks should be close. Target: every import under 30 s.
 * - Lookup: related jobs for a badge with 5 skill tags (one SQL statement: tag resolution,
 *   scores, tie-breaks, pay, open listings among 2,000 postings), against a primary-key lookup
 *   of one occupation through the same pool. Target: p99 under 20 ms, warm.
 * Also reported, without a target: the import into in-memory PGlite, and the heaviest lookup
 * (one tag linked to 859 occupations, "Microsoft Excel").
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchDatabase, percentile, report, round, runBench } from './support';

/**
 * The full public release, from the fixtures directory LAUREL_FIXTURES names (the demo release the
 * project ships is far too small to measure an import with); null when it is not there.
 */
function fixtureRelease(): string | null {
  const root = process.env.LAUREL_FIXTURES;
  const dir = root ? path.resolve(root, 'labor-market') : null;
  return dir && existsSync(dir) ? dir : null;
}

const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 1_000);
const BADGE_TAGS = ['Python', 'AWS', 'PostgreSQL', 'Docker', 'Linux'];
const TARGET_IMPORT_SECONDS = 30;
const TARGET_LOOKUP_P99_MS = 20;

/** Peak heap above the starting point while `fn` runs, sampled every 10 ms. */
async function withPeakHeap<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; seconds: number; peakHeapMb: number }> {
  globalThis.gc?.();
  const start = process.memoryUsage().heapUsed;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 10);
  const started = performance.now();
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return {
      result,
      seconds: round((performance.now() - started) / 1000, 2),
      peakHeapMb: round((peak - start) / 2 ** 20),
    };
  } finally {
    clearInterval(timer);
  }
}

async function timeEach(times: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < 50; i++) await fn(); // warm-up: plans cached, pages in memory
  const latencies: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await fn();
    latencies.push(performance.now() - started);
  }
  return {
    calls: times,
    p50Ms: round(percentile(latencies, 50), 2),
    p99Ms: round(percentile(latencies, 99), 2),
  };
}

async function importIntoPglite(fixtures: string) {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const schema = await import('@/db/schema');
  const { importLaborMarketRelease } = await import('@/lib/labor-market/import/import-release');
  const client = await PGlite.create('memory://');
  try {
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder: path.join(process.cwd(), 'db', 'migrations') });
    const started = performance.now();
    await importLaborMarketRelease(db as unknown as Parameters<typeof importLaborMarketRelease>[0], {
      dir: fixtures,
    });
    return round((performance.now() - started) / 1000, 2);
  } finally {
    await client.close();
  }
}

async function main() {
  if (!globalThis.gc) throw new Error('run with NODE_OPTIONS=--expose-gc (npm run bench:labor-market does)');
  const fixtures = fixtureRelease();
  if (!fixtures) {
    console.error(
      `LAUREL_FIXTURES must name the public fixtures directory, the one holding labor-market/ (got ${process.env.LAUREL_FIXTURES ?? 'nothing'}); e.g. LAUREL_FIXTURES=../shared/fixtures npm run bench:labor-market`,
    );
    process.exitCode = 1;
    return;
  }
  const database = await benchDatabase('labor_market');
  try {
    const { getDb, closeDb, rowsOf } = await import('@/db/client');
    const { jobPostings, lmOccupations } = await import('@/db/schema');
    const { and, eq, sql } = await import('drizzle-orm');
    const { locateReleaseFiles } = await import('@/lib/labor-market/import/files');
    const { readRelease } = await import('@/lib/labor-market/import/read-release');
    const { discardSink } = await import('@/lib/labor-market/import/sink');
    const { importLaborMarketRelease } = await import('@/lib/labor-market/import/import-release');
    const { findRelatedOccupations } = await import('@/lib/labor-market/related');
    const db = await getDb();

    // Baseline: the same files read and checked, rows thrown away.
    const files = await locateReleaseFiles(fixtures);
    const parse = await withPeakHeap(() =>
      readRelease({ files, releaseId: '00000000-0000-0000-0000-000000000000', sink: discardSink }),
    );
    const runs = [];
    for (const label of ['empty database', 'replacing one release', 'replacing one, deleting one']) {
      const run = await withPeakHeap(() => importLaborMarketRelease(db, { dir: fixtures }));
      runs.push({ run: label, seconds: run.seconds, peakHeapMb: run.peakHeapMb });
    }
    const csvRows = Object.entries(parse.result.rowCounts)
      .filter(([key]) => !['technologies', 'hotTechnologies', 'aliases', 'occupationsWithWage'].includes(key))
      .reduce((sum, [, n]) => sum + n, 0);

    // 2,000 open postings over the first 400 occupations, so the listing counts have rows to count.
    const codes = (await db.select({ code: lmOccupations.code }).from(lmOccupations).limit(400)).map(
      (o) => o.code,
    );
    const now = new Date();
    await db.insert(jobPostings).values(
      Array.from({ length: 2_000 }, (_, i) => ({
        orgKey: `bench-${i % 50}.example`,
        externalId: `bench-${i}`,
        employerName: `Bench Employer ${i % 50}`,
        title: 'Bench posting',
        description: 'A posting for the benchmark.',
        datePosted: new Date(now.getTime() - (i % 30) * 86_400_000),
        validThrough: i % 3 === 0 ? null : new Date(now.getTime() + 30 * 86_400_000),
        occupationCode: codes[i % codes.length] ?? null,
        source: 'bench',
      })),
    );
    await db.execute(sql`analyze job_postings`);

    const [active] = rowsOf<{ id: string }>(
      await db.execute(sql`select id from labor_market_releases where status = 'active'`),
    );
    const releaseId = active?.id ?? '';
    const baseline = await timeEach(LOOKUPS, () =>
      db
        .select()
        .from(lmOccupations)
        .where(and(eq(lmOccupations.releaseId, releaseId), eq(lmOccupations.code, '15-1252.00'))),
    );
    const sample = await findRelatedOccupations(db, { tags: BADGE_TAGS, limit: 5 });
    const related = await timeEach(LOOKUPS, () => findRelatedOccupations(db, { tags: BADGE_TAGS, limit: 5 }));
    const heaviest = await timeEach(200, () =>
      findRelatedOccupations(db, { tags: ['Microsoft Excel'], limit: 5 }),
    );
    const [version] = rowsOf<{ server_version: string }>(await db.execute(sql`show server_version`));
    await closeDb();

    const pgliteImportSeconds = await importIntoPglite(fixtures);

    const result = {
      machine: {
        cpus: os.cpus().length,
        cpu: os.cpus()[0]?.model,
        memoryGiB: round(os.totalmem() / 2 ** 30),
        node: process.version,
        postgres: version?.server_version,
        loadAverage: os.loadavg().map((n) => round(n, 2)),
      },
      import: {
        csvRows,
        baselineParseOnly: { seconds: parse.seconds, peakHeapMb: parse.peakHeapMb },
        postgres: runs,
        slowestOverParse: round(Math.max(...runs.map((r) => r.seconds)) / parse.seconds),
        pgliteInMemorySeconds: pgliteImportSeconds,
      },
      lookup: {
        tags: BADGE_TAGS,
        top: sample.occupations.slice(0, 3).map((o) => `${o.code} ${o.title} (${o.score})`),
        baselinePrimaryKey: baseline,
        relatedJobs: related,
        heaviestOneTag: { tag: 'Microsoft Excel', ...heaviest },
      },
    };
    const meets =
      runs.every((r) => r.seconds < TARGET_IMPORT_SECONDS) && related.p99Ms < TARGET_LOOKUP_P99_MS;
    report(
      result,
      meets,
      `each import < ${TARGET_IMPORT_SECONDS} s, related jobs p99 < ${TARGET_LOOKUP_P99_MS} ms`,
    );
  } finally {
    await database.drop();
  }
}

runBench(main);
