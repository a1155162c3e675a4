import 'server-only';
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Db, rowsOf, type Tx } from '@/db/client';
import { bulkJobRows, bulkJobs } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { findActiveTemplate } from '@/lib/issuers/issuers';
import { type BulkRowError, type ParsedBulkRow, readAwardCsv } from './parse-csv';

const INSERT_BATCH = 500;
const MAX_LISTED_FAILURES = 100;
/** A file with more problems than this lists the first ones: enough to see what is wrong. */
const MAX_LISTED_ERRORS = 1000;

export const jobColumns = {
  id: bulkJobs.id,
  templateId: bulkJobs.templateId,
  fileName: bulkJobs.fileName,
  status: bulkJobs.status,
  total: bulkJobs.total,
  processed: bulkJobs.processed,
  failed: bulkJobs.failed,
  lastError: bulkJobs.lastError,
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
  /** Why the last batch failed; the reason a 'failed' job gave up. */
  lastError: string | null;
  createdAt: Date;
  finishedAt: Date | null;
};

type CreateBulkJobInput = {
  issuerId: string;
  templateId: string;
  /** Who uploaded it; the caller has already checked they may act for the issuer. */
  userId: string | null;
  fileName: string;
  /** The file's text, or its bytes as they arrive. */
  csv: string | ReadableStream<Uint8Array>;
};

/** Thrown inside the transaction to undo it when the file has problems. */
class RefusedFile extends Error {
  constructor(readonly errors: BulkRowError[]) {
    super('the CSV file has problems');
  }
}

/**
 * Validates a CSV for one of the issuer's templates. Any bad row refuses the whole file and
 * nothing is written; a clean file becomes a job (status 'validated') and its rows, atomically.
 * Rows are written as they stream in and the transaction is undone if any is bad, so memory does
 * not grow with the file; repeated addresses are found by the database.
 */
export async function createBulkJob(
  db: Db,
  input: CreateBulkJobInput,
): Promise<{ ok: false; errors: BulkRowError[] } | { ok: true; job: BulkJobSummary }> {
  const template = z.uuid().safeParse(input.templateId).success
    ? await findActiveTemplate(db, { issuerId: input.issuerId, templateId: input.templateId })
    : null;
  if (!template) throw new AppError('not_found', 'No badge template with this id belongs to your issuer.');

  try {
    const job = await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(bulkJobs)
        .values({
          issuerId: input.issuerId,
          templateId: template.id,
          createdBy: input.userId,
          fileName: input.fileName.slice(0, 255),
          total: 0,
        })
        .returning(jobColumns);
      if (!created) throw new Error('bulk job insert returned nothing');
      const total = await insertRows(tx, created.id, input.csv);
      const [counted] = await tx
        .update(bulkJobs)
        .set({ total })
        .where(eq(bulkJobs.id, created.id))
        .returning(jobColumns);
      return counted ?? created;
    });
    return { ok: true, job };
  } catch (error) {
    if (error instanceof RefusedFile) return { ok: false, errors: error.errors };
    throw error;
  }
}

/** Streams the file's valid rows into the job; throws RefusedFile listing every problem. */
async function insertRows(tx: Tx, jobId: string, csv: CreateBulkJobInput['csv']): Promise<number> {
  const errors: BulkRowError[] = [];
  let batch: ParsedBulkRow[] = [];
  let total = 0;
  const flush = async () => {
    if (batch.length > 0) await tx.insert(bulkJobRows).values(batch.map((r) => ({ jobId, ...r })));
    batch = [];
  };
  for await (const item of readAwardCsv(csv)) {
    if ('error' in item) {
      // A problem with the whole file is the only thing worth saying about it.
      if (item.error.rowNumber === null) throw new RefusedFile([item.error]);
      if (errors.length < MAX_LISTED_ERRORS) errors.push(item.error);
      continue;
    }
    total += 1;
    batch.push(item.row);
    if (batch.length === INSERT_BATCH) await flush();
  }
  await flush();
  errors.push(...(await repeatedAddresses(tx, jobId)));
  if (errors.length > 0)
    throw new RefusedFile(errors.sort((a, b) => (a.rowNumber ?? 0) - (b.rowNumber ?? 0)));
  return total;
}

/** Each row whose address an earlier row already has (emails are stored lower-cased). */
async function repeatedAddresses(tx: Tx, jobId: string): Promise<BulkRowError[]> {
  const rows = await tx.execute(sql`
    select row_number as "rowNumber", email, first
      from (select row_number, input->>'email' as email,
                   min(row_number) over (partition by input->>'email') as first
              from ${bulkJobRows} where job_id = ${jobId}) as r
     where row_number > first
     order by row_number
     limit ${MAX_LISTED_ERRORS}`);
  return rowsOf<{ rowNumber: number; email: string; first: number }>(rows).map((r) => ({
    rowNumber: r.rowNumber,
    field: 'email',
    message: `${r.email} is already on row ${r.first}`,
  }));
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
  /** Done or failed: nothing changes until a person retries, so polling can stop. */
  isFinished: boolean;
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
    isFinished: job.status === 'done' || job.status === 'failed',
    skipped: skipped?.n ?? 0,
    failures: failedRows.map((r) => ({ rowNumber: r.rowNumber, email: r.input.email, error: r.error ?? '' })),
  };
}

/** The issuer's jobs that still need attention (running or failed), newest first. */
export function listUnfinishedBulkJobs(db: Db, issuerId: string) {
  return db
    .select(jobColumns)
    .from(bulkJobs)
    .where(and(eq(bulkJobs.issuerId, issuerId), inArray(bulkJobs.status, ['running', 'failed'])))
    .orderBy(desc(bulkJobs.createdAt))
    .limit(10);
}

export function ownJob(input: { issuerId: string; jobId: string }, ...more: ReturnType<typeof eq>[]) {
  return and(eq(bulkJobs.id, input.jobId), eq(bulkJobs.issuerId, input.issuerId), ...more);
}

export function notFound() {
  return new AppError('not_found', 'No bulk award job with this id belongs to your issuer.');
}
