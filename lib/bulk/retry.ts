import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { bulkJobRows, bulkJobs } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { enqueueJobs } from '@/lib/queue/enqueue';
import { jobColumns, notFound, ownJob } from './jobs';

/**
 * A person's retry of a job that gave up (lib/bulk/run.ts), once they have fixed the cause: the
 * job runs again from its unfinished rows, with its attempts reset. Rows that failed on their own
 * are tried again too; awarded rows stay awarded, and re-running a row finds its award by the
 * row's idempotency key, so nothing is awarded or emailed twice. Retrying a job that is already
 * running again changes nothing.
 */
export async function retryBulkJob(db: Db, input: { issuerId: string; jobId: string }) {
  if (!z.uuid().safeParse(input.jobId).success) throw notFound();
  return db.transaction(async (tx) => {
    const [job] = await tx.select(jobColumns).from(bulkJobs).where(ownJob(input)).for('update');
    if (!job) throw notFound();
    if (job.status === 'running') return job;
    if (job.status !== 'failed')
      throw new AppError('conflict', `This upload is ${job.status}; only a failed upload can be retried.`);
    const requeued = await tx
      .update(bulkJobRows)
      .set({ status: 'pending', error: null })
      .where(and(eq(bulkJobRows.jobId, job.id), eq(bulkJobRows.status, 'failed')))
      .returning({ rowNumber: bulkJobRows.rowNumber });
    const [restarted] = await tx
      .update(bulkJobs)
      .set({
        status: 'running',
        attempts: 0,
        lastError: null,
        lockedUntil: null,
        finishedAt: null,
        processed: sql`${bulkJobs.processed} - ${requeued.length}`,
        failed: sql`${bulkJobs.failed} - ${requeued.length}`,
      })
      .where(eq(bulkJobs.id, job.id))
      .returning(jobColumns);
    await enqueueJobs(tx, 'bulk', [{ jobId: job.id }]);
    return restarted ?? job;
  });
}
