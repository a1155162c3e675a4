import { AppError } from '@/lib/errors';

/** A row the importer refuses; `line` is the file's line number (the header is line 1). */
export type RowProblem = { line: number; message: string };

/** How many problems one error message lists before it only counts the rest. */
const LISTED = 20;

/** Thrown by a cell or row parser; the reader adds the line number. */
export class BadValue extends Error {}

/**
 * Why an import stopped. Always an `invalid` AppError whose message names the file, the lines and
 * the reason; nothing of the release is kept when it is thrown.
 */
export function importError(file: string, problems: RowProblem[]): AppError {
  const lines = problems.slice(0, LISTED).map((p) => `  line ${p.line}: ${p.message}`);
  if (problems.length > LISTED) lines.push(`  … and ${problems.length - LISTED} more`);
  const count = problems.length === 1 ? '1 bad row' : `${problems.length} bad rows`;
  return new AppError('invalid', `${file}: ${count}; nothing was imported.\n${lines.join('\n')}`);
}

/** A problem with a whole file (missing, no header, no rows): one sentence. */
export function fileError(file: string, message: string): AppError {
  return new AppError('invalid', `${file}: ${message}`);
}
