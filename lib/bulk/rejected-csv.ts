import type { BulkRowInput } from '@/db/schema';
import type { BulkField, ColumnMap } from './columns';
import type { BulkRowError, RejectedRow } from './parse-csv';

/** The column added to the rejected rows' file, after the file's own columns. */
export const PROBLEM_COLUMN = 'problem';

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const line = (cells: string[]) => cells.map(quote).join(',');

/** One row's problems in words: "email: Enter an email address…; name: Enter the recipient’s name." */
export function problemsInWords(errors: BulkRowError[]): string {
  return errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ');
}

/**
 * The rows that were not awarded, as a CSV the issuer can fix and upload again: the file's own
 * header and cells, in file order, and a last column saying what is wrong with each row.
 */
export function rejectedRowsCsv(input: { header: string[]; rows: RejectedRow[] }): string {
  const width = input.header.length;
  const lines = [line([...input.header, PROBLEM_COLUMN])];
  for (const row of [...input.rows].sort((a, b) => a.rowNumber - b.rowNumber)) {
    const cells = Array.from({ length: width }, (_, i) => row.cells[i] ?? '');
    lines.push(line([...cells, problemsInWords(row.errors)]));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** A stored row's values back in the file's columns (for rows refused after they were read). */
export function cellsOf(input: BulkRowInput, columns: ColumnMap, width: number): string[] {
  const cells = Array.from({ length: width }, () => '');
  for (const [field, { index }] of columns) cells[index] = input[field as BulkField] ?? '';
  return cells;
}
