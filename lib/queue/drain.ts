import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { safeErrorMessage } from '@/lib/log/serialize-error';
import { detachedBoss, JOB_TABLE } from './enqueue';
import type { JobDeps } from './handlers';
import type { JobKind } from './kinds';
import { type QueuedJob, runJob } from './run-job';
import { executorDb } from './sql-adapter';

const client = detachedBoss();

/**
 * Takes up to `batchSize` due jobs of one kind and runs them here and now, through the same
 * handlers and the same completion and retry rules as the worker. For tests, benchmarks and the
 * CLI, where waiting for a polling worker would only add time. Returns how many were taken.
 */
export async function runDueJobs(input: {
  deps: JobDeps;
  kind: JobKind;
  batchSize?: number;
}): Promise<number> {
  const { deps, kind } = input;
  const db = executorDb(deps.db);
  const jobs = (await client.fetch(kind, {
    batchSize: input.batchSize ?? 20,
    includeMetadata: true,
    db,
  })) as Array<QueuedJob<typeof kind>>;
  for (const job of jobs) {
    try {
      await runJob(kind, job, deps);
      await client.complete(kind, job.id, {}, { db });
    } catch (error) {
      await client.fail(kind, job.id, { message: safeErrorMessage(error) }, { db });
    }
  }
  return jobs.length;
}

/** Runs jobs of the kinds given until none is due (retries waiting for their backoff are not due). */
export async function drainJobs(input: { deps: JobDeps; kinds: JobKind[]; maxRounds?: number }) {
  for (let round = 0; round < (input.maxRounds ?? 1000); round++) {
    let taken = 0;
    for (const kind of input.kinds) taken += await runDueJobs({ deps: input.deps, kind });
    if (taken === 0) return;
  }
  throw new Error('jobs kept coming: drainJobs gave up');
}

/** Makes retries waiting for their backoff due now (tests that check what a retry does). */
export async function makeRetriesDue(db: Db, kind: JobKind) {
  await db.execute(
    sql`update ${JOB_TABLE} set start_after = now() - interval '1 second' where name = ${kind} and state = 'retry'`,
  );
}
