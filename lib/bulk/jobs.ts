import 'server-only';
import { and, asc, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { bulkJobRows, bulkJobs } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { findActiveTemplate } from '@/lib/issuers/issuers';
import { type BulkRowError, parseAwardCsv } from './parse-csv';

const INSERT_BATCH = 500;
const MAX_LISTED_FAILURES = 100;

const jobColumns = {
  id: bulkJobs.id,
  templateId: bulkJobs.templateId,
  fileName: bulkJobs.fileName,
  status: bulkJobs.status,
  total: bulkJobs.total,
  processed: bulkJobs.processed,
  failed: bulkJobs.failed,
  createdAt: bulkJobs.createdAt,
  finishedAt: bulkJobs.finishedAt,
};

export type BulkJobSummary = {
  id: string;
  templateId: string;
  fileName: string;
  status: 'validated' | 'running' | 'done' | 'failed';
  total: number;
  processed: number;
  failed: number;
  createdAt: Date;
  finishedAt: Date | null;
};

type CreateBulkJobInput = {
  issuerId: string;
  templateId: string;
  /** Who uploaded it; the caller has already checked they may act for the issuer. */
  userId: string | null;
  fileName: string;
  csvText: string;
};

/**
 * Validates a CSV for one of the issuer's templates. Any bad row refuses the whole file and
 * nothing is written; a clean file becomes a job (status 'validated') and its rows, atomically.
 */
export async function createBulkJob(
  db: Db,
  input: CreateBulkJobInput,
): Promise<{ ok: false; errors: BulkRowError[] } | { ok: true; job: BulkJobSummary }> {
  const template = z.uuid().safeParse(input.templateId).success
    ? await findActiveTemplate(db, { issuerId: input.issuerId, templateId: input.templateId })
    : null;
  if (!template) throw new AppError('not_found', 'No badge template with this id belongs to your issuer.');

  const { rows, errors } = parseAwardCsv(input.csvText);
  if (errors.length > 0) return { ok: false, errors };

  const job = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(bulkJobs)
      .values({
        issuerId: input.issuerId,
        templateId: template.id,
        createdBy: input.userId,
        fileName: input.fileName.slice(0, 255),
        total: rows.length,
      })
      .returning(jobColumns);
    if (!created) throw new Error('bulk job insert returned nothing');
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      const batch = rows.slice(i, i + INSERT_BATCH);
      await tx.insert(bulkJobRows).values(batch.map((r) => ({ jobId: created.id, ...r })));
    }
    return created;
  });
  return { ok: true, job };
}

/** Confirms a validated job so the worker picks it up; starting it again changes nothing. */
export async function startBulkJob(db: Db, input: { issuerId: string; jobId: string }) {
  if (!z.uuid().safeParse(input.jobId).success) throw notFound();
  const [started] = await db
    .update(bulkJobs)
    .set({ status: 'running' })
    .where(ownJob(input, eq(bulkJobs.status, 'validated')))
    .returning(jobColumns);
  if (started) return started;
  const [current] = await db.select(jobColumns).from(bulkJobs).where(ownJob(input));
  if (!current) throw notFound();
  return current;
}

export type BulkJobProgress = BulkJobSummary & {
  /** Rows that already had this award from an earlier upload (counted in `processed`). */
  skipped: number;
  failures: { rowNumber: number; email: string; error: string }[];
};

/** A job's progress for polling; another issuer's job (or no such job) is null. */
export async function getBulkJob(
  db: Db,
  input: { issuerId: string; jobId: string },
): Promise<BulkJobProgress | null> {
  if (!z.uuid().safeParse(input.jobId).success) return null;
  const [job] = await db.select(jobColumns).from(bulkJobs).where(ownJob(input));
  if (!job) return null;
  const [skipped] = await db
    .select({ n: count() })
    .from(bulkJobRows)
    .where(and(eq(bulkJobRows.jobId, job.id), eq(bulkJobRows.status, 'skipped')));
  const failedRows = await db
    .select({ rowNumber: bulkJobRows.rowNumber, input: bulkJobRows.input, error: bulkJobRows.error })
    .from(bulkJobRows)
    .where(and(eq(bulkJobRows.jobId, job.id), eq(bulkJobRows.status, 'failed')))
    .orderBy(asc(bulkJobRows.rowNumber))
    .limit(MAX_LISTED_FAILURES);
  return {
    ...job,
    skipped: skipped?.n ?? 0,
    failures: failedRows.map((r) => ({ rowNumber: r.rowNumber, email: r.input.email, error: r.error ?? '' })),
  };
}

function ownJob(input: { issuerId: string; jobId: string }, ...more: ReturnType<typeof eq>[]) {
  return and(eq(bulkJobs.id, input.jobId), eq(bulkJobs.issuerId, input.issuerId), ...more);
}

function notFound() {
  return new AppError('not_found', 'No bulk award job with this id belongs to your issuer.');
}
