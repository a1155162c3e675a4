import 'server-only';
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Db, rowsOf, type Tx } from '@/db/client';
import { type BulkRowInput, bulkJobRows, bulkJobs } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { uploadedFileName } from '@/lib/http/uploaded-file-name';
import { findActiveTemplate } from '@/lib/issuers/issuers';
import { enqueueJobs } from '@/lib/queue/enqueue';
import type { ColumnMap } from './columns';
import { type BulkRowError, type ParsedBulkRow, type RejectedRow, readAwardCsv } from './parse-csv';
import { cellsOf, rejectedRowsCsv } from './rejected-csv';

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

/**
 * A checked file. `ok` when some rows can be awarded: `job` holds those (status 'validated') and
 * `errors` the problems of the rows left out. Not `ok` when nothing can be awarded: a problem with
 * the file itself, every row bad, or too many bad rows to list. `rejectedCsv` is the left-out rows
 * with a "problem" column, to fix and upload again (null when no row was left out).
 */
export type CheckedFile =
  | { ok: false; errors: BulkRowError[]; rejectedCsv: string | null }
  | { ok: true; job: BulkJobSummary; errors: BulkRowError[]; rejectedCsv: string | null };

/** Thrown inside the transaction to undo it when nothing in the file can be awarded. */
class RefusedFile extends Error {
  constructor(readonly result: Extract<CheckedFile, { ok: false }>) {
    super('nothing in the CSV file can be awarded');
  }
}

/**
 * Validates a CSV for one of the issuer's templates. The good rows become a job (status
 * 'validated'), atomically; bad rows and repeated addresses are left out and listed, so the issuer
 * can award the good rows and fix the rest. Rows are written as they stream in and repeated
 * addresses are found by the database, so memory grows only with the bad rows (at most
 * MAX_LISTED_ERRORS of them: a file with more is refused whole, as it is likely the wrong file).
 */
export async function createBulkJob(db: Db, input: CreateBulkJobInput): Promise<CheckedFile> {
  const template = z.uuid().safeParse(input.templateId).success
    ? await findActiveTemplate(db, { issuerId: input.issuerId, templateId: input.templateId })
    : null;
  if (!template) throw new AppError('not_found', 'No badge template with this id belongs to your issuer.');

  try {
    return await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(bulkJobs)
        .values({
          issuerId: input.issuerId,
          templateId: template.id,
          createdBy: input.userId,
          fileName: uploadedFileName(input.fileName, 255) || 'upload.csv',
          total: 0,
        })
        .returning(jobColumns);
      if (!created) throw new Error('bulk job insert returned nothing');
      const { total, rejected, header } = await insertRows(tx, created.id, input.csv);
      const errors = rejected.flatMap((r) => r.errors);
      const rejectedCsv = rejected.length > 0 ? rejectedRowsCsv({ header, rows: rejected }) : null;
      if (total === 0) throw new RefusedFile({ ok: false, errors, rejectedCsv });
      const [counted] = await tx
        .update(bulkJobs)
        .set({ total })
        .where(eq(bulkJobs.id, created.id))
        .returning(jobColumns);
      return { ok: true as const, job: counted ?? created, errors, rejectedCsv };
    });
  } catch (error) {
    if (error instanceof RefusedFile) return error.result;
    throw error;
  }
}

const refuse = (error: BulkRowError) => new RefusedFile({ ok: false, errors: [error], rejectedCsv: null });

/** Streams the file's valid rows into the job; returns how many, and the rows left out. */
async function insertRows(tx: Tx, jobId: string, csv: CreateBulkJobInput['csv']) {
  const rejected: RejectedRow[] = [];
  let header: string[] = [];
  let columns: ColumnMap = new Map();
  let batch: ParsedBulkRow[] = [];
  let inserted = 0;
  const flush = async () => {
    if (batch.length > 0) await tx.insert(bulkJobRows).values(batch.map((r) => ({ jobId, ...r })));
    batch = [];
  };
  for await (const item of readAwardCsv(csv)) {
    if ('header' in item) ({ header, columns } = item);
    // A problem with the whole file is the only thing worth saying about it.
    else if ('error' in item) throw refuse(item.error);
    else if ('rejected' in item) {
      if (rejected.length === MAX_LISTED_ERRORS) throw refuse(tooManyProblems());
      rejected.push(item.rejected);
    } else {
      inserted += 1;
      batch.push(item.row);
      if (batch.length === INSERT_BATCH) await flush();
    }
  }
  await flush();
  const repeated = await removeRepeatedAddresses(tx, jobId);
  if (rejected.length + repeated.length > MAX_LISTED_ERRORS) throw refuse(tooManyProblems());
  for (const r of repeated) {
    rejected.push({
      rowNumber: r.rowNumber,
      cells: cellsOf(r.input, columns, header.length),
      errors: [{ rowNumber: r.rowNumber, field: columns.get('email')?.header, message: r.message }],
    });
  }
  rejected.sort((a, b) => a.rowNumber - b.rowNumber);
  return { total: inserted - repeated.length, rejected, header };
}

function tooManyProblems(): BulkRowError {
  return {
    rowNumber: null,
    message: `More than ${MAX_LISTED_ERRORS.toLocaleString('en')} rows have problems, so nothing can be awarded from this file. Check that it is the right file and that its columns are email and name.`,
  };
}

/**
 * Takes out each row whose address an earlier row already has (emails are stored lower-cased),
 * so the job awards each address once; returns them to be listed with the bad rows.
 */
async function removeRepeatedAddresses(tx: Tx, jobId: string) {
  const rows = await tx.execute(sql`
    delete from ${bulkJobRows} as b
     using (select row_number, min(row_number) over (partition by input->>'email') as first
              from ${bulkJobRows} where job_id = ${jobId}) as r
     where b.job_id = ${jobId} and b.row_number = r.row_number and r.row_number > r.first
    returning b.row_number as "rowNumber", b.input, r.first`);
  return rowsOf<{ rowNumber: number; input: BulkRowInput; first: number }>(rows).map((r) => ({
    ...r,
    message: `${r.input.email} is already on row ${r.first}; each address is awarded once.`,
  }));
}

/** Confirms a validated job and queues its first batch; starting it again changes nothing. */
export async function startBulkJob(db: Db, input: { issuerId: string; jobId: string }) {
  if (!z.uuid().safeParse(input.jobId).success) throw notFound();
  const started = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(bulkJobs)
      .set({ status: 'running' })
      .where(ownJob(input, eq(bulkJobs.status, 'validated')))
      .returning(jobColumns);
    if (row) await enqueueJobs(tx, 'bulk', [{ jobId: row.id }]);
    return row;
  });
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
  /** Awards this job made (counted in `processed`): what the console links to when it is done. */
  awarded: number;
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
  const counts = await db
    .select({ status: bulkJobRows.status, n: count() })
    .from(bulkJobRows)
    .where(and(eq(bulkJobRows.jobId, job.id), inArray(bulkJobRows.status, ['skipped', 'awarded'])))
    .groupBy(bulkJobRows.status);
  const countOf = (status: string) => counts.find((c) => c.status === status)?.n ?? 0;
  const failedRows = await db
    .select({ rowNumber: bulkJobRows.rowNumber, input: bulkJobRows.input, error: bulkJobRows.error })
    .from(bulkJobRows)
    .where(and(eq(bulkJobRows.jobId, job.id), eq(bulkJobRows.status, 'failed')))
    .orderBy(asc(bulkJobRows.rowNumber))
    .limit(MAX_LISTED_FAILURES);
  return {
    ...job,
    isFinished: job.status === 'done' || job.status === 'failed',
    skipped: countOf('skipped'),
    awarded: countOf('awarded'),
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
