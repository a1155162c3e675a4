import { Readable } from 'node:stream';
import type { ReadableStream as WebStream } from 'node:stream/web';
import { parse } from 'csv-parse';
import { z } from 'zod';
import type { BulkRowInput } from '@/db/schema';
import { emailSchema, evidenceSchema, recipientNameSchema } from '@/lib/awards/award-input';
import { type BulkField, type ColumnMap, mapColumns } from './columns';

export const MAX_BULK_ROWS = 10_000;

/** `rowNumber` is the row a spreadsheet shows (the header is 1); null means the whole file. */
export type BulkRowError = { rowNumber: number | null; field?: string; message: string };
export type ParsedBulkRow = { rowNumber: number; input: BulkRowInput };
/** A row that cannot be awarded: its cells as the file has them, and every problem with it. */
export type RejectedRow = { rowNumber: number; cells: string[]; errors: BulkRowError[] };

const DATE_MESSAGE = 'Enter a date like 2025-06-30, or a date and time with a time zone.';
const isoDay = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });

/** A bare date means midnight UTC, so the same file gives the same dates wherever it is uploaded. */
const csvDate = z.string().transform((value, ctx) => {
  if (isoDay.safeParse(value).success) return new Date(`${value}T00:00:00Z`);
  if (isoDateTime.safeParse(value).success) return new Date(value);
  ctx.addIssue({ code: 'custom', message: DATE_MESSAGE });
  return z.NEVER;
});

// The API's rules (award-input.ts), per cell, plus the cross-field checks the API makes.
const rowSchema = z
  .object({
    email: emailSchema,
    name: recipientNameSchema,
    issuedAt: csvDate.optional(),
    expiresAt: csvDate.optional(),
    evidenceUrl: evidenceSchema.shape.url,
    evidenceNarrative: evidenceSchema.shape.narrative,
  })
  .superRefine((row, ctx) => {
    const now = Date.now();
    if (row.issuedAt && row.issuedAt.getTime() > now + 5 * 60_000) {
      ctx.addIssue({
        code: 'custom',
        path: ['issuedAt'],
        message: 'The issue date cannot be in the future.',
      });
    }
    const issuedAt = row.issuedAt?.getTime() ?? now;
    if (row.expiresAt && row.expiresAt.getTime() <= issuedAt) {
      const message = row.issuedAt
        ? 'The expiry date must be after the issue date.'
        : 'The expiry date has already passed.';
      ctx.addIssue({ code: 'custom', path: ['expiresAt'], message });
    }
  });

/** The header first, then each row (good or rejected); `error` is a problem with the whole file. */
export type CsvItem =
  | { header: string[]; columns: ColumnMap }
  | { row: ParsedBulkRow }
  | { rejected: RejectedRow }
  | { error: BulkRowError };
type CsvSource = string | ReadableStream<Uint8Array>;

/**
 * Reads an award CSV (header row required) as it streams in, validating each row, so that every
 * problem can be listed before anything is awarded. Yields the header, then each valid row and each
 * rejected one; a problem with the whole file (no header, not CSV, too many rows) is yielded last. A repeated
 * address is not checked here: createBulkJob asks the database, so memory stays flat.
 */
export async function* readAwardCsv(source: CsvSource): AsyncGenerator<CsvItem> {
  const input = typeof source === 'string' ? Readable.from([source]) : Readable.fromWeb(source as WebStream);
  const records = input.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: false }));
  let columns: ColumnMap | null = null;
  let recordNumber = 0;
  let rowCount = 0;
  try {
    for await (const cells of records as AsyncIterable<string[]>) {
      recordNumber += 1;
      if (!columns) {
        if (isBlank(cells)) return yield fileError('The file is empty: the first row must name the columns.');
        const mapped = mapColumns(cells);
        if ('error' in mapped) return yield fileError(mapped.error);
        columns = mapped.columns;
        yield { header: cells, columns };
        continue;
      }
      // A spreadsheet shows every record as a row, blank ones too, so numbering counts them.
      if (isBlank(cells)) continue;
      rowCount += 1;
      if (rowCount > MAX_BULK_ROWS) {
        return yield fileError(
          `The file has more than ${MAX_BULK_ROWS.toLocaleString('en')} rows; at most ${MAX_BULK_ROWS.toLocaleString('en')} can be awarded at once. Split it into smaller files.`,
        );
      }
      yield* checkRow(cells, recordNumber, columns);
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return yield fileError(`The file is not valid CSV: ${detail}`);
  } finally {
    input.destroy();
  }
  if (!columns) return yield fileError('The file is empty: the first row must name the columns.');
  if (rowCount === 0) yield fileError('The file has a header row but no rows to award.');
}

function* checkRow(cells: string[], rowNumber: number, columns: ColumnMap): Generator<CsvItem> {
  const result = rowSchema.safeParse(readCells(cells, columns));
  if (result.success) return yield { row: { rowNumber, input: toInput(result.data) } };
  const errors = result.error.issues.map((issue) => ({
    rowNumber,
    field: columns.get(issue.path[0] as BulkField)?.header,
    message: issue.message,
  }));
  yield { rejected: { rowNumber, cells, errors } };
}

function fileError(message: string): CsvItem {
  return { error: { rowNumber: null, message } };
}

function isBlank(cells: string[]) {
  return cells.every((c) => c.trim() === '');
}

/** Trimmed cell values by field; an empty cell is a missing value. */
function readCells(cells: string[], columns: ColumnMap) {
  const out: Partial<Record<BulkField, string>> = {};
  for (const [field, { index }] of columns) {
    const value = cells[index]?.trim();
    if (value) out[field] = value;
  }
  return out;
}

function toInput(row: z.infer<typeof rowSchema>): BulkRowInput {
  const input: BulkRowInput = { email: row.email, name: row.name };
  // Dates are stored normalized: the idempotency key and the award fingerprint depend on them.
  if (row.issuedAt) input.issuedAt = row.issuedAt.toISOString();
  if (row.expiresAt) input.expiresAt = row.expiresAt.toISOString();
  if (row.evidenceUrl) input.evidenceUrl = row.evidenceUrl;
  if (row.evidenceNarrative) input.evidenceNarrative = row.evidenceNarrative;
  return input;
}
