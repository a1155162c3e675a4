/**
 * `npm run bench:scale-jobs` (issue 14), on PostgreSQL at 127.0.0.1 and the existing build:
 *
 * 1. Bulk awarding with the worker in its own process (`scripts/worker.ts`): uploads of 2,000 and
 *    10,000 rows, awards per second from start to done, and the worker's peak RSS for each (flat
 *    memory: the bigger upload must not need much more). Baseline in the same run: the same
 *    batches run in this process, without the queue's worker loop (runDueJobs one after another).
 *    Claim emails are captured (demo mode), as in bench:bulk.
 * 2. Idle database load: transactions per second on the bench database (pg_stat_database) over
 *    20 s with nothing running, then 1 and 3 web instances (WORKERS=off) beside one worker. It
 *    must not grow with the number of web instances.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { startWorkerProcess } from '../test/faults/worker-process';
import { benchDatabase, report, round, runBench, startServer } from './support';

const SIZES = [2_000, 10_000];
const IDLE_SECONDS = 20;
const PORT = 3460;

const csv = (rows: number, label: string) =>
  [
    'email,name',
    ...Array.from({ length: rows }, (_, i) => `${label}-${i}@learners.example,Learner ${i}`),
  ].join('\n');

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function stop(child: ChildProcess) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function main() {
  const database = await benchDatabase('jobs');
  try {
    const { getDb, closeDb } = await import('@/db/client');
    const { makeIssuer } = await import('@/test/factories');
    const { createBulkJob, startBulkJob, getBulkJob } = await import('@/lib/bulk/jobs');
    const { runDueJobs } = await import('@/lib/queue/drain');
    const { sql } = await import('drizzle-orm');
    const db = await getDb();
    const { issuer, template } = await makeIssuer(db);
    const config = { appUrl: 'http://localhost', claimTokenTtlDays: 30, isDemoMode: true };

    const upload = async (rows: number, label: string) => {
      const created = await createBulkJob(db, {
        issuerId: issuer.id,
        templateId: template.id,
        userId: null,
        fileName: `${label}.csv`,
        csv: csv(rows, label),
      });
      if (!created.ok) throw new Error(JSON.stringify(created.errors.slice(0, 3)));
      return created.job.id;
    };
    const isDone = async (jobId: string) => {
      const job = await getBulkJob(db, { issuerId: issuer.id, jobId });
      if (job?.status === 'failed') throw new Error(`job ${jobId} failed: ${job.lastError}`);
      return job?.status === 'done' && job.processed === job.total;
    };

    // Baseline: this process runs the batches itself, one after another.
    const inProcess = [];
    for (const rows of SIZES) {
      const jobId = await upload(rows, `inproc${rows}`);
      const started = performance.now();
      await startBulkJob(db, { issuerId: issuer.id, jobId });
      while ((await runDueJobs({ deps: { db, config, send: null }, kind: 'bulk', batchSize: 1 })) > 0) {}
      if (!(await isDone(jobId))) throw new Error('in-process run did not finish');
      const seconds = (performance.now() - started) / 1000;
      inProcess.push({ rows, seconds: round(seconds, 2), awardsPerSecond: round(rows / seconds) });
    }

    // The worker in its own process, idle before each upload starts.
    const worker = await startWorkerProcess({ LOG_LEVEL: 'info' });
    const inWorker = [];
    try {
      for (const rows of SIZES) {
        const jobId = await upload(rows, `worker${rows}`);
        const rssBefore = rssMb(worker.pid as number);
        let peak = rssBefore;
        const started = performance.now();
        await startBulkJob(db, { issuerId: issuer.id, jobId });
        while (!(await isDone(jobId))) {
          peak = Math.max(peak, rssMb(worker.pid as number));
          await new Promise((r) => setTimeout(r, 50));
        }
        const seconds = (performance.now() - started) / 1000;
        inWorker.push({
          rows,
          seconds: round(seconds, 2),
          awardsPerSecond: round(rows / seconds),
          workerRssBeforeMb: round(rssBefore),
          workerPeakRssMb: round(peak),
        });
      }
    } finally {
      await stop(worker);
    }

    // Idle database load: transactions committed per second on this database.
    const transactions = async () => {
      const [row] = (await db.execute(
        sql`select (xact_commit + xact_rollback)::bigint as n from pg_stat_database where datname = current_database()`,
      )) as unknown as Array<{ n: string }>;
      return Number(row?.n ?? 0);
    };
    const idleRate = async () => {
      // Statistics are flushed by each backend now and then: wait, then measure a long window.
      await new Promise((r) => setTimeout(r, 3_000));
      const before = await transactions();
      await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
      return round(((await transactions()) - before) / IDLE_SECONDS, 2);
    };
    const idle: Record<string, number> = { nothingRunning: await idleRate() };
    const fleet = await startWorkerProcess({ LOG_LEVEL: 'info' });
    const web = [await startServer(PORT, { WORKERS: 'off' })];
    try {
      idle.oneWebOneWorker = await idleRate();
      web.push(
        await startServer(PORT + 1, { WORKERS: 'off' }),
        await startServer(PORT + 2, { WORKERS: 'off' }),
      );
      idle.threeWebOneWorker = await idleRate();
    } finally {
      await Promise.all(web.map((w) => w.stop()));
      await stop(fleet);
    }
    await closeDb();

    const big = inWorker.at(-1);
    const small = inWorker[0];
    const flat =
      big && small
        ? big.workerPeakRssMb - big.workerRssBeforeMb <=
          2 * Math.max(small.workerPeakRssMb - small.workerRssBeforeMb, 40)
        : false;
    const fast = (big?.awardsPerSecond ?? 0) >= 1_000;
    const idleFlat = idle.threeWebOneWorker <= idle.oneWebOneWorker * 1.25 + 1;
    report(
      { inProcess, inWorker, idleTransactionsPerSecond: idle },
      fast && flat && idleFlat,
      '10,000 rows at ≥ 1,000 awards/s in the worker process, its memory flat, idle load not growing with web instances',
    );
  } finally {
    await database.drop();
  }
}

runBench(main);
