/**
 * Public badge page throughput and latency against `next start` on PostgreSQL, with a static
 * route of the same server as the baseline in the same run; plus the time to verify one hosted
 * badge and to bake one PNG. Needs a production build (`npm run build`). See bench/README.md.
 */
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { benchDatabase, percentile, report, runBench, startServer } from './support';

const PORT = 3400;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const APP_URL = `http://localhost:${PORT}`;

async function load(path: string) {
  await autocannon({ url: APP_URL + path, connections: 8, duration: 2 }); // warm-up
  const r = await autocannon({ url: APP_URL + path, connections: 32, duration: DURATION });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${path}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { path, requestsPerSecond: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
}

async function timeIt(runs: number, fn: () => Promise<unknown> | unknown) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return { medianMs: Number(percentile(times, 50).toFixed(2)), runs };
}

async function main() {
  const database = await benchDatabase('page');
  process.env.APP_URL = APP_URL;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
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

    server = await startServer(PORT);
    // Baseline: a page prerendered at build time (/verify), same layout and pipeline. A plain
    // file (/robots.txt) is measured too, as the server's ceiling.
    const baseline = await load('/verify');
    const badgePage = await load(`/badges/${accepted.id}`);
    const staticFile = await load('/robots.txt');

    const found = await findPublicAward(db, accepted.id);
    if (!found?.template.pngImageId) throw new Error('no public award');
    const png = await findImage(db, found.template.pngImageId);
    const verify = await timeIt(20, async () => {
      const report = await verifyOwnAward(db, { found, appUrl: APP_URL });
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
    const meets = ratio >= 0.7 && badgePage.p99 < 100;
    report(result, meets, 'badge page ≥ 70% of baseline req/s and p99 < 100 ms');
  } finally {
    await server?.stop();
    await database.drop();
  }
}

runBench(main);
