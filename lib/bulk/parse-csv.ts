import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { BulkRowInput } from '@/db/schema';
import { emailSchema, evidenceSchema } from '@/lib/awards/award-input';
import { type BulkField, type ColumnMap, mapColumns } from './columns';

export const MAX_BULK_ROWS = 10_000;

/** `rowNumber` is the row a spreadsheet shows (the header is 1); null means the whole file. */
export type BulkRowError = { rowNumber: number | null; field?: string; message: string };
export type ParsedBulkRow = { rowNumber: number; input: BulkRowInput };
export type ParsedCsv = { rows: ParsedBulkRow[]; errors: BulkRowError[] };

const DATE_MESSAGE = 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time with a time zone';
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
    name: z.string({ message: 'is required' }).trim().min(1, 'is required').max(200),
    issuedAt: csvDate.optional(),
    expiresAt: csvDate.optional(),
    evidenceUrl: evidenceSchema.shape.url,
    evidenceNarrative: evidenceSchema.shape.narrative,
  })
  .superRefine((row, ctx) => {
    const now = Date.now();
    if (row.issuedAt && row.issuedAt.getTime() > now + 5 * 60_000) {
      ctx.addIssue({ code: 'custom', path: ['issuedAt'], message: 'cannot be in the future' });
    }
    const issuedAt = row.issuedAt?.getTime() ?? now;
    if (row.expiresAt && row.expiresAt.getTime() <= issuedAt) {
      const message = row.issuedAt ? 'must be after the issued date' : 'must be in the future';
      ctx.addIssue({ code: 'custom', path: ['expiresAt'], message });
    }
  });

/**
 * Reads an award CSV (header row required) and validates every row, so that every problem can
 * be listed before anything is awarded. Valid rows are returned even when others fail.
 */
export function parseAwardCsv(text: string): ParsedCsv {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fileError(`The file is not valid CSV: ${detail}`);
  }
  const [header, ...data] = records;
  if (!header || isBlank(header)) return fileError('The file is empty: the first row must name the columns.');
  const mapped = mapColumns(header);
  if ('error' in mapped) return fileError(mapped.error);

  // A spreadsheet shows every record as a row, blank ones too, so numbering counts them.
  const numbered = data.map((cells, i) => ({ cells, rowNumber: i + 2 })).filter((r) => !isBlank(r.cells));
  if (numbered.length === 0) return fileError('The file has a header row but no rows to award.');
  if (numbered.length > MAX_BULK_ROWS) {
    return fileError(
      `The file has ${numbered.length.toLocaleString('en')} rows; at most ${MAX_BULK_ROWS.toLocaleString('en')} can be awarded at once. Split it into smaller files.`,
    );
  }

  const rows: ParsedBulkRow[] = [];
  const errors: BulkRowError[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { cells, rowNumber } of numbered) {
    const result = rowSchema.safeParse(readCells(cells, mapped.columns));
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = mapped.columns.get(issue.path[0] as BulkField)?.header;
        errors.push({ rowNumber, field, message: issue.message });
      }
      continue;
    }
    const { email } = result.data;
    const earlier = firstRowOf.get(email);
    if (earlier !== undefined) {
      const field = mapped.columns.get('email')?.header;
      errors.push({ rowNumber, field, message: `${email} is already on row ${earlier}` });
      continue;
    }
    firstRowOf.set(email, rowNumber);
    rows.push({ rowNumber, input: toInput(result.data) });
  }
  return { rows, errors };
}

function fileError(message: string): ParsedCsv {
  return { rows: [], errors: [{ rowNumber: null, message }] };
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
