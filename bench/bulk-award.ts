/**
 * Bulk awarding on PostgreSQL: a 10,000-row CSV streamed into a job and awarded by the job
 * runner (award rows, claim tokens, outbox emails, history), against the single-award API
 * measured in the same run as the baseline. Memory is sampled for a 1,000-row and a 10,000-row
 * file to show it does not grow with the file. Needs a production build (`npm run build`).
 */
import { performance } from 'node:perf_hooks';
import { benchDatabase, percentile, report, round, runBench, startServer } from './support';

// BENCH_PORT: another free port when several checkouts share the machine.
const PORT = Number(process.env.BENCH_PORT ?? 3410);
const API_CALLS = Number(process.env.BENCH_API_CALLS ?? 200);
const SIZES = [1_000, 10_000];
const TARGET_AWARDS_PER_SECOND = 1_000;

/** The CSV as a stream made row by row, so the benchmark holds no whole file either. */
function csvStream(rows: number, label: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let i = -1;
  return new ReadableStream({
    pull(controller) {
      if (i === -1) controller.enqueue(encoder.encode('email,name,evidence\n'));
      const end = Math.min(rows, i + 1 + 500);
      let chunk = '';
      for (i = Math.max(i, 0); i < end; i++) {
        chunk += `${label}-${i}@learners.example,Learner ${i},https://labs.example/run/${i}\n`;
      }
      controller.enqueue(encoder.encode(chunk));
      if (i >= rows) controller.close();
    },
  });
}

/**
 * Memory the run keeps: the heap right after a full collection, sampled at every step (after
 * validation and after each batch), above where it started. Uncollected garbage is not counted;
 * the time the collections take is subtracted from the run's time.
 */
function retainedHeap() {
  const gc = globalThis.gc as () => void;
  gc();
  const start = process.memoryUsage().heapUsed;
  let peak = 0;
  let gcMs = 0;
  return {
    sample() {
      const t = performance.now();
      gc();
      gcMs += performance.now() - t;
      peak = Math.max(peak, process.memoryUsage().heapUsed - start);
    },
    get peakMb() {
      return round(peak / 2 ** 20);
    },
    get gcSeconds() {
      return gcMs / 1000;
    },
  };
}

async function main() {
  if (!globalThis.gc) throw new Error('run with NODE_OPTIONS=--expose-gc (npm run bench:bulk does)');
  const database = await benchDatabase('bulk');
  process.env.APP_URL = `http://localhost:${PORT}`;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const { getDb, closeDb } = await import('@/db/client');
    const { makeIssuer } = await import('@/test/factories');
    const { createBulkJob, startBulkJob, getBulkJob } = await import('@/lib/bulk/jobs');
    const { runDueJobs } = await import('@/lib/queue/drain');
    const { awards, claimTokens, outbox, bulkJobRows } = await import('@/db/schema');
    const { and, count, eq, inArray } = await import('drizzle-orm');
    const db = await getDb();
    const { issuer, template, apiKey } = await makeIssuer(db);
    const config = { appUrl: process.env.APP_URL, claimTokenTtlDays: 30, isDemoMode: false };

    // Baseline: one award per request through the API, one after another, over real HTTP.
    server = await startServer(PORT);
    const post = (i: number) =>
      fetch(`${server?.url}/api/v1/awards`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          templateId: template.id,
          recipient: { email: `api-${i}@learners.example`, name: `API learner ${i}` },
        }),
      }).then((r) => {
        if (r.status !== 201) throw new Error(`API award ${i}: ${r.status}`);
      });
    for (let i = 0; i < 20; i++) await post(-1 - i); // warm-up
    const latencies: number[] = [];
    for (let i = 0; i < API_CALLS; i++) {
      const started = performance.now();
      await post(i);
      latencies.push(performance.now() - started);
    }
    // The server's own bulk worker would compete with the runner measured below.
    await server.stop();
    server = undefined;
    const meanMs = latencies.reduce((a, b) => a + b, 0) / latencies.length;
    const baseline = {
      calls: API_CALLS,
      p50Ms: round(percentile(latencies, 50)),
      p99Ms: round(percentile(latencies, 99)),
      awardsPerSecond: round(1000 / meanMs),
    };

    const bulk = [];
    for (const rows of SIZES) {
      const label = `bulk${rows}`;
      const heap = retainedHeap();
      const validateStart = performance.now();
      const created = await createBulkJob(db, {
        issuerId: issuer.id,
        templateId: template.id,
        userId: null,
        fileName: `${label}.csv`,
        csv: csvStream(rows, label),
      });
      if (!created.ok) throw new Error(JSON.stringify(created.errors.slice(0, 3)));
      heap.sample();
      const validateSeconds = (performance.now() - validateStart) / 1000 - heap.gcSeconds;
      await startBulkJob(db, { issuerId: issuer.id, jobId: created.job.id });
      const gcBefore = heap.gcSeconds;
      const awardStart = performance.now();
      // The bulk queue's batches, run here one after another as a worker's loop would take them.
      while ((await runDueJobs({ deps: { db, config, send: null }, kind: 'bulk', batchSize: 1 })) > 0)
        heap.sample();
      const awardSeconds = (performance.now() - awardStart) / 1000 - (heap.gcSeconds - gcBefore);
      const result = { jobId: created.job.id, validateSeconds, awardSeconds };
      const peakHeapMb = heap.peakMb;
      const job = await getBulkJob(db, { issuerId: issuer.id, jobId: result.jobId });
      if (job?.status !== 'done' || job.processed !== rows || job.failed !== 0) {
        throw new Error(`job ${result.jobId} ended ${JSON.stringify(job)}`);
      }
      const awarded = db
        .select({ id: bulkJobRows.awardId })
        .from(bulkJobRows)
        .where(eq(bulkJobRows.jobId, result.jobId));
      const [[a], [t], [o]] = await Promise.all([
        db
          .select({ n: count() })
          .from(awards)
          .where(and(eq(awards.issuerId, issuer.id), inArray(awards.id, awarded))),
        db.select({ n: count() }).from(claimTokens).where(inArray(claimTokens.awardId, awarded)),
        db.select({ n: count() }).from(outbox).where(inArray(outbox.awardId, awarded)),
      ]);
      if (a?.n !== rows || t?.n !== rows || o?.n !== rows) {
        throw new Error(`expected ${rows} of each, got awards ${a?.n}, tokens ${t?.n}, emails ${o?.n}`);
      }
      bulk.push({
        rows,
        validateSeconds: round(result.validateSeconds, 2),
        awardSeconds: round(result.awardSeconds, 2),
        awardsPerSecond: Math.round(rows / result.awardSeconds),
        endToEndAwardsPerSecond: Math.round(rows / (result.validateSeconds + result.awardSeconds)),
        retainedHeapMb: peakHeapMb,
      });
    }
    await closeDb();

    const [small, large] = bulk;
    const result = {
      baselineSingleAwardApi: baseline,
      bulk,
      speedupOverApi: round((large?.awardsPerSecond ?? 0) / baseline.awardsPerSecond),
      heapGrowthFrom1kTo10kMb: round((large?.retainedHeapMb ?? 0) - (small?.retainedHeapMb ?? 0)),
    };
    // Flat memory: ten times the rows may not keep more than 16 MB more heap.
    const meets =
      (large?.awardsPerSecond ?? 0) >= TARGET_AWARDS_PER_SECOND && result.heapGrowthFrom1kTo10kMb < 16;
    report(result, meets, `≥ ${TARGET_AWARDS_PER_SECOND} awards/s for 10,000 rows, retained heap flat`);
  } finally {
    await server?.stop();
    await database.drop();
  }
}

runBench(main);
