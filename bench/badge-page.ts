/**
 * Public badge page throughput and latency against `next start` on PostgreSQL, with a static
 * route of the same server as the baseline in the same run; plus the time to verify one hosted
 * badge and to bake one PNG. Needs a production build (`npm run build`). See bench/README.md.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import postgres from 'postgres';

const PORT = 3400;
const APP_URL = `http://localhost:${PORT}`;
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = `laurel_bench_${process.pid}`;
const DATABASE_URL = ADMIN_URL.replace(/\/[^/]*$/, `/${DB_NAME}`);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);

async function waitFor(url: string) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

async function load(path: string) {
  await autocannon({ url: APP_URL + path, connections: 8, duration: 2 }); // warm-up
  const r = await autocannon({ url: APP_URL + path, connections: 32, duration: DURATION });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${path}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { path, requestsPerSecond: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timeIt(runs: number, fn: () => Promise<unknown> | unknown) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return { medianMs: Number(median(times).toFixed(2)), runs };
}

async function main() {
  const admin = postgres(ADMIN_URL, { max: 1 });
  await admin.unsafe(`create database ${DB_NAME}`);
  process.env.DATABASE_URL = DATABASE_URL;
  process.env.APP_URL = APP_URL;
  process.env.AUTH_SECRET = 'bench-secret-bench-secret-bench-secret-123';
  let server: ChildProcess | undefined;
  try {
    const { getDb, closeDb } = await import('@/db/client');
    const { seedDemo } = await import('@/db/seed/seed');
    const { findPublicAward } = await import('@/lib/badges/public-award');
    const { verifyOwnAward } = await import('@/lib/badges/verify-award');
    const { bakePng } = await import('@/lib/openbadges/bake/png');
    const { findImage } = await import('@/lib/images/store');
    const { awards } = await import('@/db/schema');
    const { eq } = await import('drizzle-orm');
    const db = await getDb();
    await seedDemo(db, { appUrl: APP_URL, claimTokenTtlDays: 30, isDemoMode: true });
    const [accepted] = await db.select().from(awards).where(eq(awards.state, 'accepted'));
    if (!accepted) throw new Error('seed made no accepted award');

    server = spawn('node_modules/.bin/next', ['start', '-p', String(PORT)], {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: 'ignore',
    });
    await waitFor(`${APP_URL}/robots.txt`);
    // Baseline: a page prerendered at build time (/verify), same layout and pipeline. A plain
    // file (/robots.txt) is measured too, as the server's ceiling.
    const baseline = await load('/verify');
    const badgePage = await load(`/badges/${accepted.id}`);
    const staticFile = await load('/robots.txt');

    const found = await findPublicAward(db, accepted.id);
    if (!found?.template.pngImageId) throw new Error('no public award');
    const png = await findImage(db, found.template.pngImageId);
    const verify = await timeIt(20, async () => {
      const report = await verifyOwnAward(found.award, { appUrl: APP_URL });
      if (report.verdict !== 'valid') throw new Error(`verification: ${report.verdict}`);
    });
    const bake = await timeIt(200, () =>
      bakePng(png?.bytes ?? new Uint8Array(), JSON.stringify({ id: 'x'.repeat(400) })),
    );
    await closeDb();

    const ratio = badgePage.requestsPerSecond / baseline.requestsPerSecond;
    const result = {
      baseline,
      badgePage,
      staticFile,
      ratio: Number(ratio.toFixed(2)),
      verifyOneHostedBadge: verify,
      bakeOnePng: bake,
    };
    console.log(JSON.stringify(result, null, 2));
    const meets = ratio >= 0.7 && badgePage.p99 < 100;
    console.log(meets ? 'TARGET MET: badge page ≥ 70% of baseline req/s and p99 < 100 ms' : 'TARGET MISSED');
    process.exitCode = meets ? 0 : 1;
  } finally {
    server?.kill();
    await new Promise((r) => setTimeout(r, 500));
    await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
