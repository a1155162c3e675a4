import 'server-only';
import PgBoss from 'pg-boss';
import { getQueueAccess } from '@/db/client';
import { log } from '@/lib/log';
import { safeErrorMessage } from '@/lib/log/serialize-error';
import type { JobDeps } from './handlers';
import { JOB_KIND_NAMES, JOB_KINDS, type JobKind, leaseSeconds, NUDGE_CHANNEL, QUEUE_SCHEMA } from './kinds';
import { sweepOrphans } from './maintenance';
import { type QueuedJob, runJob } from './run-job';

/** Polling is the fallback: NOTIFY wakes the loops as soon as work is committed. */
const POLL_SECONDS = 5;
/** How often one worker of the fleet expires jobs whose worker died (pg-boss's maintenance). */
const QUEUE_MAINTENANCE_SECONDS = 10;
/** The hourly `maintenance` job (retention and the orphan sweep), at minute 7. */
const MAINTENANCE_CRON = '7 * * * *';

export type Workers = {
  /** Stops taking jobs and lets running ones finish (up to `timeoutMs`); unfinished ones go back to the queue. */
  stop: (timeoutMs?: number) => Promise<void>;
};

/**
 * Runs background work in this process: `npm run worker`, or the web process with WORKERS=inline.
 * pg-boss does the leasing, retries with backoff, dead-lettering and expiry of jobs whose worker
 * died; this adds the handlers, a NOTIFY listener that wakes idle loops, and the hourly upkeep.
 */
export async function startWorkers(input: { deps: JobDeps; kinds?: JobKind[] }): Promise<Workers> {
  const stopping = new AbortController();
  const deps: JobDeps = { ...input.deps, signal: stopping.signal };
  const kinds = input.kinds ?? JOB_KIND_NAMES;
  const { queue, listen } = await getQueueAccess();
  const loops = kinds.reduce((sum, kind) => sum + JOB_KINDS[kind].concurrency, 0);
  const boss = new PgBoss({
    ...('db' in queue ? { db: queue.db } : { connectionString: queue.connectionString, max: loops + 2 }),
    schema: QUEUE_SCHEMA,
    migrate: false,
    supervise: true,
    schedule: kinds.includes('maintenance'),
    // Never slower than the shortest lease, so a dead worker's jobs come back within about two leases.
    maintenanceIntervalSeconds: Math.min(QUEUE_MAINTENANCE_SECONDS, ...kinds.map(leaseSeconds)),
  });
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  await boss.start();

  const loopIds = new Map<JobKind, string[]>();
  for (const kind of kinds) {
    const ids: string[] = [];
    for (let i = 0; i < JOB_KINDS[kind].concurrency; i++) {
      let ownId = '';
      ownId = await boss.work<QueuedJob<typeof kind>['data']>(
        kind,
        { batchSize: JOB_KINDS[kind].batchSize, includeMetadata: true, pollingIntervalSeconds: POLL_SECONDS },
        async (jobs) => {
          await runBatch(boss, kind, jobs as Array<QueuedJob<typeof kind>>, deps);
          // A full batch means more may be waiting: go on at once instead of sleeping a poll.
          if (jobs.length === JOB_KINDS[kind].batchSize) boss.notifyWorker(ownId);
        },
      );
      ids.push(ownId);
    }
    loopIds.set(kind, ids);
  }
  if (kinds.includes('maintenance')) await boss.schedule('maintenance', MAINTENANCE_CRON);

  const unlisten = await listen(NUDGE_CHANNEL, (payload) => {
    for (const id of loopIds.get(payload as JobKind) ?? []) boss.notifyWorker(id);
  });
  // Work queued before the queue existed, or whose job died on its last attempt, is not left waiting an hour.
  await sweepOrphans(deps.db).catch((error: unknown) => log.error({ err: error }, 'orphan sweep failed'));

  return {
    stop: async (timeoutMs = 20_000) => {
      stopping.abort(new Error('the worker is stopping'));
      await unlisten().catch(() => {});
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs, close: true });
    },
  };
}

/**
 * Each job settles on its own: one failure retries that job, not the batch. Never throws: with
 * the database unreachable the settling fails too, and the job comes back when its lease ends.
 */
async function runBatch<K extends JobKind>(boss: PgBoss, kind: K, jobs: Array<QueuedJob<K>>, deps: JobDeps) {
  for (const job of jobs) {
    try {
      await runJob(kind, job, deps);
      await boss.complete(kind, job.id);
    } catch (error) {
      await boss
        .fail(kind, job.id, { message: safeErrorMessage(error) })
        .catch((cause: unknown) => log.warn({ err: cause, kind }, 'could not record a failed job'));
    }
  }
}
