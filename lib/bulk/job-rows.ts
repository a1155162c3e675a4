import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '@/db/client';
import { type BulkRowInput, bulkJobRows, bulkJobs } from '@/db/schema';
import { type AwardItem, type AwardResult, INVALID_FIELDS } from '@/lib/awards/create-awards';
import { sha256Hex } from '@/lib/crypto/tokens';
import type { AppError } from '@/lib/errors';

export type BatchJob = { id: string; issuerId: string; templateId: string; createdAt: Date };
export type BatchRow = { rowNumber: number; input: BulkRowInput };
type RowStatus = 'awarded' | 'skipped' | 'failed';

export const RENAMED_MESSAGE =
  'This address already has this badge with the same dates from an earlier upload, with a different name or evidence; that award stands.';
const ARCHIVED_MESSAGE = 'The badge template was archived before this row was awarded.';

/** Same template, recipient and dates → same key, so a re-run or a re-upload finds the first award. */
export function bulkIdempotencyKey(templateId: string, input: BulkRowInput) {
  const parts = [templateId, input.email, input.issuedAt ?? '', input.expiresAt ?? ''];
  return `bulk:${sha256Hex(parts.join('|'))}`;
}

/** A job's rows as createAwards items: the API's award input, validated there, with the row's key. */
export function jobRowItems(job: BatchJob, rows: BatchRow[]): AwardItem[] {
  return rows.map(({ input }) => {
    const evidence =
      input.evidenceUrl || input.evidenceNarrative
        ? [{ url: input.evidenceUrl, narrative: input.evidenceNarrative }]
        : undefined;
    return {
      raw: {
        templateId: job.templateId,
        recipient: { email: input.email, name: input.name },
        issuedAt: input.issuedAt,
        expiresAt: input.expiresAt,
        evidence,
      },
      idempotencyKey: bulkIdempotencyKey(job.templateId, input),
    };
  });
}

function rowOutcome(job: BatchJob, result: AwardResult) {
  if (result.ok) {
    // A replayed award made before this job came from an earlier upload; one made since is this
    // job's own, from a batch whose outcome was not recorded (its lease ran out).
    const isEarlier = result.isReplay && result.award.createdAt < job.createdAt;
    const status: RowStatus = isEarlier ? 'skipped' : 'awarded';
    return { status, awardId: result.award.id, error: null };
  }
  return { status: 'failed' as const, awardId: null, error: failureMessage(result.error) };
}

function failureMessage(error: AppError): string {
  if (error.code === 'conflict') return RENAMED_MESSAGE;
  if (error.code === 'not_found') return ARCHIVED_MESSAGE;
  // Rows are checked on upload: what is left is the expiry from the template, or a rule changed since.
  if (error.message !== INVALID_FIELDS) return error.message;
  const fields = Object.entries(error.fieldErrors ?? {}).map(
    ([field, messages]) => `${field}: ${messages.join(' ')}`,
  );
  return [error.message, ...fields].join(' ');
}

/**
 * Each row's outcome, and the job's counts, for the rows still pending (see run.ts), in the
 * transaction that wrote the rows' awards.
 */
export async function recordRowOutcomes(
  tx: Tx,
  opts: { job: BatchJob; rows: BatchRow[]; results: AwardResult[] },
) {
  const { job, rows } = opts;
  if (rows.length === 0) return;
  const rowNumbers = rows.map((r) => r.rowNumber);
  const first = Math.min(...rowNumbers);
  const last = Math.max(...rowNumbers);
  const values = JSON.stringify(
    rows.map((row, i) => {
      const result = opts.results[i];
      if (!result) throw new Error(`no result for row ${row.rowNumber}`);
      const outcome = rowOutcome(job, result);
      return {
        row_number: row.rowNumber,
        status: outcome.status,
        award_id: outcome.awardId,
        error: outcome.error,
      };
    }),
  );
  const updated = await tx.execute(sql`
    update ${bulkJobRows} as r
       set status = v.status, award_id = v.award_id, error = v.error
      from json_to_recordset(${values}::json)
           as v(row_number int, status bulk_row_status, award_id uuid, error text)
     where r.job_id = ${job.id} and r.row_number = v.row_number and r.status = 'pending'
       -- The batch's range, so the primary key is used rather than a scan of the whole job.
       and r.row_number between ${first} and ${last}
    returning v.status`);
  const statuses = rowsOf<{ status: RowStatus }>(updated).map((r) => r.status);
  await tx
    .update(bulkJobs)
    .set({
      processed: sql`${bulkJobs.processed} + ${statuses.length}`,
      failed: sql`${bulkJobs.failed} + ${statuses.filter((s) => s === 'failed').length}`,
    })
    .where(eq(bulkJobs.id, job.id));
}
