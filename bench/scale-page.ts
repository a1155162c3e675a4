/**
 * Public badge page throughput with 1, 2 and 3 `next start` instances sharing PostgreSQL and the
 * Redis page cache (lib/redis/cache-handler.mjs), the load spread evenly over them, against a
 * static file (/robots.txt from public/) of the same instances in the same run; and one instance
 * with the local page cache (Next's file-system cache, no REDIS_URL). Needs a production build. See
 * bench/README.md.
 */
import autocannon from 'autocannon';
import { startRedisServer } from '../test/redis-server';
import { benchDatabase, report, round, runBench, startServer } from './support';

const BASE = Number(process.env.BENCH_PORT_BASE ?? 3450);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 30; // in all, split evenly over the instances
const APP_URL = `http://localhost:${BASE}`;

type Load = { requestsPerSecond: number; p50: number; p99: number };

/** Drives every instance at once, CONNECTIONS / n each; req/s summed, p99 the worst instance's. */
async function loadAcross(urls: string[], path: string): Promise<Load> {
  const connections = Math.round(CONNECTIONS / urls.length);
  await Promise.all(urls.map((url) => autocannon({ url: url + path, connections, duration: 2 }))); // warm-up
  const results = await Promise.all(
    urls.map((url) => autocannon({ url: url + path, connections, duration: DURATION })),
  );
  for (const r of results)
    if (r.non2xx > 0 || r.errors > 0) throw new Error(`${path}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return {
    requestsPerSecond: Math.round(results.reduce((sum, r) => sum + r.requests.average, 0)),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
  };
}

async function main() {
  const database = await benchDatabase('scale');
  process.env.APP_URL = APP_URL;
  const redis = await startRedisServer(BASE + 9);
  const servers: Awaited<ReturnType<typeof startServer>>[] = [];
  const stopAll = async () => {
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  };
  try {
    const { getDb, closeDb } = await import('@/db/client');
    const { seedDemo } = await import('@/db/seed/seed');
    const { awards } = await import('@/db/schema');
    const { eq } = await import('drizzle-orm');
    const db = await getDb();
    await seedDemo(db, { appUrl: APP_URL, claimTokenTtlDays: 30, isDemoMode: true });
    const [accepted] = await db.select().from(awards).where(eq(awards.state, 'accepted'));
    if (!accepted) throw new Error('seed made no accepted award');
    await closeDb();
    const page = `/badges/${accepted.id}`;

    const measure = async (label: string, urls: string[]) => {
      const staticFile = await loadAcross(urls, '/robots.txt');
      const badgePage = await loadAcross(urls, page);
      console.error(
        `${label}: page ${badgePage.requestsPerSecond} req/s, static ${staticFile.requestsPerSecond}`,
      );
      return { label, instances: urls.length, badgePage, staticFile };
    };

    servers.push(await startServer(BASE, { APP_URL, REDIS_URL: '' }));
    const local = await measure('1 instance, local cache', [APP_URL]);
    await stopAll();

    const runs = [];
    for (const count of [1, 2, 3]) {
      for (let i = servers.length; i < count; i++)
        servers.push(await startServer(BASE + i, { APP_URL, REDIS_URL: redis.url }));
      runs.push(
        await measure(
          `${count} instance(s), Redis cache`,
          servers.map((s) => s.url),
        ),
      );
    }

    const one = runs[0];
    if (!one) throw new Error('no run');
    const rows = runs.map((run) => ({
      ...run,
      pageRatioToOne: round(run.badgePage.requestsPerSecond / one.badgePage.requestsPerSecond, 2),
      staticRatioToOne: round(run.staticFile.requestsPerSecond / one.staticFile.requestsPerSecond, 2),
      pageToStatic: round(run.badgePage.requestsPerSecond / run.staticFile.requestsPerSecond, 2),
    }));
    const redisCost = round(one.badgePage.requestsPerSecond / local.badgePage.requestsPerSecond, 2);
    // On one 2-core machine more instances cannot add CPU: the target is what sharing costs.
    report(
      { local, redis: rows, redisToLocalOneInstance: redisCost },
      redisCost >= 0.8,
      'one instance on the Redis cache ≥ 80% of the local cache req/s',
    );
  } finally {
    await stopAll();
    await redis.stop();
    await database.drop();
  }
}

runBench(main);
