import 'server-only';
import { and, asc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bulkJobRows, bulkJobs, issuers } from '@/db/schema';
import type { Config } from '@/lib/config';
import { isUniqueViolation } from '@/lib/db-errors';
import { awardBatch, type BatchJob } from './award-batch';

const LEASE_SECONDS = 120;

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
    if (!isUniqueViolation(error)) throw error;
  }
  await releaseJob(db, job.id);
  return { jobId: job.id, processed: rows.length };
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
    .set(left ? { lockedUntil: null } : { lockedUntil: null, status: 'done', finishedAt: new Date() })
    .where(and(eq(bulkJobs.id, jobId), eq(bulkJobs.status, 'running')));
}
