import 'server-only';
import { and, asc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { type BulkRowInput, bulkJobRows, bulkJobs, issuers } from '@/db/schema';
import { awardInputSchema } from '@/lib/awards/award-input';
import { createAward } from '@/lib/awards/create-award';
import type { Config } from '@/lib/config';
import { sha256Hex } from '@/lib/crypto/tokens';
import { isAppError } from '@/lib/errors';

const LEASE_SECONDS = 120;

type RunBulkJobsOptions = {
  db: Db;
  config: Pick<Config, 'appUrl' | 'claimTokenTtlDays' | 'isDemoMode'>;
  batchSize?: number;
};

type Job = { id: string; issuerId: string; templateId: string; createdAt: Date };
type Outcome = { status: 'awarded' | 'skipped' | 'failed'; awardId: string | null; error: string | null };

/**
 * Awards the next batch of one running job. The job is leased, so several processes can run
 * this side by side; a process that dies leaves the lease to expire and the rest of the job to
 * whoever claims it next. Returns the job it worked on (null when there was nothing to do).
 */
export async function runBulkJobs({ db, config, batchSize = 25 }: RunBulkJobsOptions) {
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

  for (const row of rows) {
    const outcome = await awardRow({ db, config, issuer, job, input: row.input });
    await recordOutcome(db, job.id, row.rowNumber, outcome);
  }
  await releaseJob(db, job.id);
  return { jobId: job.id, processed: rows.length };
}

/** Same template, recipient and dates → same key, so a re-run or a re-upload finds the first award. */
export function bulkIdempotencyKey(templateId: string, input: BulkRowInput) {
  const parts = [templateId, input.email, input.issuedAt ?? '', input.expiresAt ?? ''];
  return `bulk:${sha256Hex(parts.join('|'))}`;
}

async function claimJob(db: Db): Promise<Job | null> {
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

async function awardRow(opts: {
  db: Db;
  config: RunBulkJobsOptions['config'];
  issuer: typeof issuers.$inferSelect;
  job: Job;
  input: BulkRowInput;
}): Promise<Outcome> {
  const { db, config, issuer, job, input: row } = opts;
  const evidence =
    row.evidenceUrl || row.evidenceNarrative
      ? [{ url: row.evidenceUrl, narrative: row.evidenceNarrative }]
      : [];
  try {
    const input = awardInputSchema.parse({
      templateId: job.templateId,
      recipient: { email: row.email, name: row.name },
      issuedAt: row.issuedAt,
      expiresAt: row.expiresAt,
      evidence: evidence.length ? evidence : undefined,
    });
    const { award, isReplay } = await createAward({
      db,
      config,
      issuer,
      input,
      idempotencyKey: bulkIdempotencyKey(job.templateId, row),
    });
    // A replay of an award made before this job existed came from an earlier upload; one made
    // since is this job's own, re-found after a crash between awarding and recording the row.
    const isEarlier = isReplay && award.createdAt < job.createdAt;
    return { status: isEarlier ? 'skipped' : 'awarded', awardId: award.id, error: null };
  } catch (error) {
    if (isAppError(error, 'conflict')) {
      return failed(
        'This address already has this badge with the same dates from an earlier upload, with a different name or evidence; that award stands.',
      );
    }
    if (isAppError(error)) return failed(error.message);
    if (error instanceof z.ZodError) return failed(z.prettifyError(error));
    // Anything else (the database going away) stops the run; the lease expires and it resumes.
    throw error;
  }
}

function failed(error: string): Outcome {
  return { status: 'failed', awardId: null, error };
}

async function recordOutcome(db: Db, jobId: string, rowNumber: number, outcome: Outcome) {
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(bulkJobRows)
      .set(outcome)
      .where(
        and(
          eq(bulkJobRows.jobId, jobId),
          eq(bulkJobRows.rowNumber, rowNumber),
          eq(bulkJobRows.status, 'pending'),
        ),
      )
      .returning({ rowNumber: bulkJobRows.rowNumber });
    // Someone else recorded it (our lease ran out mid-batch): count it once.
    if (updated.length === 0) return;
    await tx
      .update(bulkJobs)
      .set({
        processed: sql`${bulkJobs.processed} + 1`,
        failed: sql`${bulkJobs.failed} + ${outcome.status === 'failed' ? 1 : 0}`,
      })
      .where(eq(bulkJobs.id, jobId));
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
