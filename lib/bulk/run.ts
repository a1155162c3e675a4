import 'server-only';
import { and, asc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bulkJobRows, bulkJobs, issuers } from '@/db/schema';
import { createAwards } from '@/lib/awards/create-awards';
import type { Config } from '@/lib/config';
import { isUniqueViolation } from '@/lib/db-errors';
import { log } from '@/lib/log';
import { enqueueJobs } from '@/lib/queue/enqueue';
import { JOB_KINDS, leaseSeconds } from '@/lib/queue/kinds';
import { type BatchJob, jobRowItems, recordRowOutcomes } from './job-rows';

/** Rows awarded per batch, each batch one transaction. */
export const BATCH_SIZE = 500;
/**
 * A batch that takes longer than this (a stuck process) no longer keeps others off the job. Half
 * the queue's lease, so a queue job taken again after a worker died always finds the job free.
 */
const leaseSecondsNow = () => Math.max(1, Math.floor(leaseSeconds('bulk') / 2));
/** Failed batches in a row after which the job is 'failed' and waits for a person (retryBulkJob). */
export const MAX_BATCH_ATTEMPTS = JOB_KINDS.bulk.retryLimit + 1;

/** Raised to have the queue run the batch again later (with its backoff). */
export class BatchFailed extends Error {}

type RunBatchOptions = {
  db: Db;
  config: Pick<Config, 'appUrl' | 'claimTokenTtlDays' | 'isDemoMode'>;
  jobId: string;
  /** The queue's last attempt for this batch: a failure now fails the job. */
  isLastAttempt: boolean;
  batchSize?: number;
};

/**
 * Awards the next batch of one running job (the `bulk` queue's job). The job row is leased, so
 * a repeated or overlapping queue job finds it busy and does nothing; a process that dies leaves
 * the lease to run out and the queue job to be taken again. Each batch that leaves rows behind
 * queues the next one in the transaction that releases the lease.
 */
export async function runBulkBatch({
  db,
  config,
  jobId,
  isLastAttempt,
  batchSize = BATCH_SIZE,
}: RunBatchOptions) {
  const job = await claimJob(db, jobId);
  if (!job) return { processed: 0 };

  const rows = await db
    .select({ rowNumber: bulkJobRows.rowNumber, input: bulkJobRows.input })
    .from(bulkJobRows)
    .where(and(eq(bulkJobRows.jobId, job.id), eq(bulkJobRows.status, 'pending')))
    .orderBy(asc(bulkJobRows.rowNumber))
    .limit(batchSize);
  const [issuer] = await db.select().from(issuers).where(eq(issuers.id, job.issuerId));
  // Jobs are deleted with their issuer, so this only happens in a race with that delete.
  if (!issuer) throw new Error(`bulk job ${job.id} has no issuer`);

  try {
    await createAwards(db, {
      config,
      issuer,
      source: 'csv',
      items: jobRowItems(job, rows),
      inTransaction: (tx, results) => recordRowOutcomes(tx, { job, rows, results }),
    });
  } catch (error) {
    // Another process awarded some of these rows at the same moment (its lease had run out):
    // nothing of this batch was written, and the next batch finds those awards and records them.
    if (!isUniqueViolation(error)) {
      const reason = await recordFailedBatch(db, job.id, error, isLastAttempt);
      if (isLastAttempt) return { processed: 0 };
      throw new BatchFailed(reason);
    }
  }
  await releaseJob(db, job.id);
  return { processed: rows.length };
}

/**
 * What the issuer is told: the innermost cause's message. drizzle wraps a database error in one
 * whose message is the whole query with its parameters (learners' addresses), which is not shown.
 */
function failureReason(error: unknown): string {
  let cause = error;
  while (cause instanceof Error && cause.cause instanceof Error) cause = cause.cause;
  return (cause instanceof Error ? cause.message : String(cause)).slice(0, 500);
}

/**
 * Nothing of a failed batch was written. The queue tries it again after a growing pause, and its
 * last attempt stops the job as 'failed' with the reason, so the console stops polling and shows
 * what went wrong instead of retrying a broken batch for ever.
 */
async function recordFailedBatch(db: Db, jobId: string, error: unknown, isFinal: boolean) {
  const reason = failureReason(error);
  const [job] = await db
    .update(bulkJobs)
    .set({
      attempts: sql`${bulkJobs.attempts} + 1`,
      lastError: reason,
      lockedUntil: null,
      ...(isFinal ? { status: 'failed' as const, finishedAt: new Date() } : {}),
    })
    .where(and(eq(bulkJobs.id, jobId), eq(bulkJobs.status, 'running')))
    .returning({ attempts: bulkJobs.attempts });
  // The reason, not the error: its message would put learners' addresses into the server log.
  if (job)
    log.error(
      { bulkJobId: jobId, attempt: job.attempts, isFinal, reason },
      isFinal ? 'bulk batch failed, giving up' : 'bulk batch failed',
    );
  return reason;
}

async function claimJob(db: Db, jobId: string): Promise<BatchJob | null> {
  return db.transaction(async (tx) => {
    const [job] = await tx
      .select({
        id: bulkJobs.id,
        issuerId: bulkJobs.issuerId,
        templateId: bulkJobs.templateId,
        createdAt: bulkJobs.createdAt,
      })
      .from(bulkJobs)
      .where(
        and(
          eq(bulkJobs.id, jobId),
          eq(bulkJobs.status, 'running'),
          or(isNull(bulkJobs.lockedUntil), lte(bulkJobs.lockedUntil, sql`now()`)),
        ),
      )
      .for('update', { skipLocked: true });
    if (!job) return null;
    await tx
      .update(bulkJobs)
      .set({ lockedUntil: sql`now() + make_interval(secs => ${leaseSecondsNow()})` })
      .where(eq(bulkJobs.id, job.id));
    return job;
  });
}

/** Frees the lease and queues the next batch, or finishes the job when no row is left. */
async function releaseJob(db: Db, jobId: string) {
  await db.transaction(async (tx) => {
    const [left] = await tx
      .select({ rowNumber: bulkJobRows.rowNumber })
      .from(bulkJobRows)
      .where(and(eq(bulkJobRows.jobId, jobId), eq(bulkJobRows.status, 'pending')))
      .limit(1);
    const [job] = await tx
      .update(bulkJobs)
      .set({
        lockedUntil: null,
        attempts: 0,
        lastError: null,
        ...(left ? {} : { status: 'done' as const, finishedAt: new Date() }),
      })
      .where(and(eq(bulkJobs.id, jobId), eq(bulkJobs.status, 'running')))
      .returning({ id: bulkJobs.id });
    if (job && left) await enqueueJobs(tx, 'bulk', [{ jobId }]);
  });
}
