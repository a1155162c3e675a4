import 'server-only';
import { and, asc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bulkJobRows, bulkJobs, issuers } from '@/db/schema';
import type { Config } from '@/lib/config';
import { isUniqueViolation } from '@/lib/db-errors';
import { awardBatch, type BatchJob } from './award-batch';

const LEASE_SECONDS = 120;
/** Failed batches in a row after which the job is 'failed' and waits for a person (retryBulkJob). */
export const MAX_BATCH_ATTEMPTS = 5;
/** Seconds before trying again after `attempts` failures in a row: 10, 20, 40, 80. */
export const retryDelaySeconds = (attempts: number) => 10 * 2 ** Math.max(0, attempts - 1);

type RunBulkJobsOptions = {
  db: Db;
  config: Pick<Config, 'appUrl' | 'claimTokenTtlDays' | 'isDemoMode'>;
  batchSize?: number;
};

/**
 * Awards the next batch of one running job. The job is leased, so several processes can run
 * this side by side; a process that dies leaves the lease to expire and the rest of the job to
 * whoever claims it next. Returns the job it worked on (null when there was nothing to do).
 */
export async function runBulkJobs({ db, config, batchSize = 500 }: RunBulkJobsOptions) {
  const job = await claimJob(db);
  if (!job) return { jobId: null, processed: 0 };

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
    await awardBatch(db, { config, issuer, job, rows });
  } catch (error) {
    // Another process awarded some of these rows at the same moment (its lease had run out):
    // nothing of this batch was written, and the next run finds those awards and records them.
    if (!isUniqueViolation(error)) {
      await recordFailedBatch(db, job.id, error);
      return { jobId: job.id, processed: 0 };
    }
  }
  await releaseJob(db, job.id);
  return { jobId: job.id, processed: rows.length };
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
 * Nothing of a failed batch was written. The job is tried again after a growing pause, and after
 * MAX_BATCH_ATTEMPTS failures in a row it stops as 'failed' with the reason, so the console stops
 * polling and shows what went wrong instead of retrying a broken batch for ever.
 */
async function recordFailedBatch(db: Db, jobId: string, error: unknown) {
  const reason = failureReason(error);
  const [job] = await db
    .update(bulkJobs)
    .set({ attempts: sql`${bulkJobs.attempts} + 1`, lastError: reason })
    .where(and(eq(bulkJobs.id, jobId), eq(bulkJobs.status, 'running')))
    .returning({ attempts: bulkJobs.attempts });
  if (!job) return;
  const isFinal = job.attempts >= MAX_BATCH_ATTEMPTS;
  // The reason, not the error: its message would put learners' addresses into the server log.
  console.error(
    `[bulk] job ${jobId}: batch failed (attempt ${job.attempts}${isFinal ? ', giving up' : ''}): ${reason}`,
  );
  await db
    .update(bulkJobs)
    .set(
      isFinal
        ? { status: 'failed', lockedUntil: null, finishedAt: new Date() }
        : { lockedUntil: sql`now() + make_interval(secs => ${retryDelaySeconds(job.attempts)})` },
    )
    .where(eq(bulkJobs.id, jobId));
}

async function claimJob(db: Db): Promise<BatchJob | null> {
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
          eq(bulkJobs.status, 'running'),
          or(isNull(bulkJobs.lockedUntil), lte(bulkJobs.lockedUntil, sql`now()`)),
        ),
      )
      .orderBy(asc(bulkJobs.createdAt))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!job) return null;
    await tx
      .update(bulkJobs)
      .set({ lockedUntil: sql`now() + make_interval(secs => ${LEASE_SECONDS})` })
      .where(eq(bulkJobs.id, job.id));
    return job;
  });
}

/** Frees the lease for the next batch, or finishes the job when no row is left. */
async function releaseJob(db: Db, jobId: string) {
  const [left] = await db
    .select({ rowNumber: bulkJobRows.rowNumber })
    .from(bulkJobRows)
    .where(and(eq(bulkJobRows.jobId, jobId), eq(bulkJobRows.status, 'pending')))
    .limit(1);
  await db
    .update(bulkJobs)
    .set({
      lockedUntil: null,
      attempts: 0,
      lastError: null,
      ...(left ? {} : { status: 'done' as const, finishedAt: new Date() }),
    })
    .where(and(eq(bulkJobs.id, jobId), eq(bulkJobs.status, 'running')));
}
