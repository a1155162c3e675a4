/**
 * "Download your data" on PostgreSQL: one learner with 100 accepted badges and one with 1,000
 * (each with its signed OB 3.0 credential), exported in the same process by the export job's own
 * function, one after the other. Memory is sampled every 10 ms while each runs: if the zip or the
 * badges were held in memory, the 1,000-badge run would need about ten times the heap of the
 * 100-badge one. No build needed.
 */
import { performance } from 'node:perf_hooks';
import { benchDatabase, report, round, runBench } from './support';

const SIZES = [100, 1_000];
/**
 * Flat, not linear: ten times the badges would keep about ten times the heap if badges or the zip
 * were held; the 1,000-badge run may keep at most four times the 100-badge run's peak.
 */
const MAX_GROWTH = 4;

/**
 * Every 10 ms: heap in use (garbage included) and RSS. Every 100 ms also a full collection first,
 * for the heap the export really keeps (retained). All above the heap at the start, after a collection.
 */
function sampler() {
  const gc = globalThis.gc as () => void;
  gc();
  const base = process.memoryUsage();
  let peakHeap = 0;
  let peakRetained = 0;
  let peakRss = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    if (++ticks % 10 === 0) {
      gc();
      peakRetained = Math.max(peakRetained, process.memoryUsage().heapUsed - base.heapUsed);
    }
    const now = process.memoryUsage();
    peakHeap = Math.max(peakHeap, now.heapUsed - base.heapUsed);
    peakRss = Math.max(peakRss, now.rss);
  }, 10);
  return {
    stop() {
      clearInterval(timer);
      gc();
      const after = process.memoryUsage().heapUsed - base.heapUsed;
      return {
        retainedAfterExportMb: round(after / 2 ** 20),
        peakHeapAboveStartMb: round(peakHeap / 2 ** 20),
        peakRetainedHeapAboveStartMb: round(peakRetained / 2 ** 20),
        rssAtStartMb: round(base.rss / 2 ** 20),
        peakRssMb: round(peakRss / 2 ** 20),
      };
    },
  };
}

async function main() {
  if (!globalThis.gc) throw new Error('run with NODE_OPTIONS=--expose-gc (npm run bench:export does)');
  const database = await benchDatabase('export');
  try {
    const { getDb, closeDb } = await import('@/db/client');
    const { getConfig } = await import('@/lib/config');
    const { makeAward, makeIssuer, makeUser } = await import('@/test/factories');
    const { acceptWithToken } = await import('@/lib/awards/claim');
    const { requestDataExport } = await import('@/lib/data-export/requests');
    const { runDataExport } = await import('@/lib/data-export/run');
    const db = await getDb();
    const issued = await makeIssuer(db, { validityDays: 365 });
    const config = { appUrl: getConfig().appUrl, isDemoMode: true };

    const runs = [];
    for (const badges of SIZES) {
      const { user, email } = await makeUser(db);
      const seedStart = performance.now();
      for (let i = 0; i < badges; i++) {
        const { token } = await makeAward(db, issued, { email });
        await acceptWithToken(db, { token, userId: user.id });
      }
      const seedSeconds = (performance.now() - seedStart) / 1000;
      const { id } = await requestDataExport(db, { userId: user.id });
      const memory = sampler();
      const started = performance.now();
      const result = await runDataExport({ db, config, exportId: id, isLastAttempt: true });
      const seconds = (performance.now() - started) / 1000;
      if (!result.written) throw new Error(`the ${badges}-badge export failed`);
      runs.push({
        badges,
        seedSeconds: round(seedSeconds),
        exportSeconds: round(seconds),
        badgesPerSecond: round(badges / seconds),
        zipMb: round((result.size ?? 0) / 2 ** 20, 2),
        ...memory.stop(),
      });
    }
    await closeDb();

    const [small, large] = runs;
    const heapGrowth = round(
      (large?.peakRetainedHeapAboveStartMb ?? 0) / Math.max(1, small?.peakRetainedHeapAboveStartMb ?? 1),
      2,
    );
    report(
      { runs, heapGrowthFrom100To1000: heapGrowth },
      heapGrowth < MAX_GROWTH,
      `peak retained heap for 1,000 badges < ${MAX_GROWTH}× that for 100`,
    );
  } finally {
    await database.drop();
  }
}

runBench(main);
