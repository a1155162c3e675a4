import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { CsvError, parse } from 'csv-parse';
import { BadValue, fileError, importError, type RowProblem } from './problems';
import type { ImportProgress } from './progress';

/** Header names compared without case or punctuation: "O*NET-SOC Code" is `o_net_soc_code`. */
export const headerKey = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

/** One data row: its cells by column name, and where it sits in the file. */
export type CsvRow = { line: number; get: (column: string) => string };

export type CsvFile = {
  /** The name shown in messages and progress. */
  name: string;
  path: string;
  /** Required columns; each may list older or newer header names it also goes by. */
  columns: Record<string, readonly string[]>;
};

/**
 * Streams a CSV file and hands each row to `onRow`, which validates it (throwing BadValue) and
 * may await a database write, so the file is never held in memory. Columns are found by header
 * name, in any order, extra ones ignored. Every bad row is collected with its line number; after
 * the last row the file's problems are thrown together. A wrong field count or an unclosed quote
 * stops the read at once; like a last row without its line break, it means a truncated file.
 */
export async function readCsvFile(
  file: CsvFile,
  onRow: (row: CsvRow) => void | Promise<void>,
  progress?: ImportProgress,
): Promise<number> {
  const { size } = await stat(file.path);
  progress?.fileStarted(file.name, size);
  const started = performance.now();
  const input = createReadStream(file.path);
  const parser = input.pipe(parse({ bom: true, info: true, skip_empty_lines: true }));

  const problems: RowProblem[] = [];
  let index: Map<string, number> | null = null;
  let rows = 0;
  let line = 1;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number; bytes: number };
    }>) {
      line = info.lines;
      if (!index) {
        index = mapHeader(file, record);
        continue;
      }
      rows += 1;
      const cells = record;
      const columns = index;
      const row: CsvRow = { line, get: (column) => cells[columns.get(column) ?? -1] ?? '' };
      try {
        await onRow(row);
      } catch (error) {
        if (!(error instanceof BadValue)) throw error;
        problems.push({ line, message: error.message });
      }
      if (rows % 2_000 === 0) progress?.rowsRead(file.name, rows, info.bytes);
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const at = (error as unknown as { lines?: number }).lines;
    problems.push({ line: typeof at === 'number' ? at : line, message: describeCsvError(error) });
    throw importError(file.name, problems);
  } finally {
    input.destroy();
  }
  if (!index) throw fileError(file.name, 'the file is empty; the first line must name the columns.');
  if (!(await endsWithLineBreak(file.path, size))) {
    problems.push({
      line,
      message: 'the last row does not end with a line break: the file looks truncated',
    });
  }
  if (problems.length > 0) throw importError(file.name, problems);
  if (rows === 0) throw fileError(file.name, 'the file has a header but no rows.');
  progress?.fileDone(file.name, rows, (performance.now() - started) / 1000);
  return rows;
}

/** Whether the file's last byte is a line break: every complete CSV export ends with one. */
async function endsWithLineBreak(filePath: string, size: number): Promise<boolean> {
  if (size === 0) return true;
  const handle = await open(filePath);
  try {
    const { buffer } = await handle.read(Buffer.alloc(1), 0, 1, size - 1);
    return buffer[0] === 0x0a || buffer[0] === 0x0d;
  } finally {
    await handle.close();
  }
}

function mapHeader(file: CsvFile, header: string[]): Map<string, number> {
  const keys = header.map(headerKey);
  const index = new Map<string, number>();
  for (const [column, otherNames] of Object.entries(file.columns)) {
    const at = [column, ...otherNames].map((name) => keys.indexOf(name)).find((i) => i !== -1);
    if (at === undefined) {
      const found = header.map((h) => h.trim()).join(', ');
      throw fileError(file.name, `missing column '${column}' (found: ${found || 'nothing'})`);
    }
    index.set(column, at);
  }
  return index;
}

function describeCsvError(error: CsvError): string {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return 'a quoted value is never closed: the file looks truncated';
  }
  if (error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
    const counts = /expect (\d+), got (\d+)/.exec(error.message);
    const detail = counts ? ` (${counts[2]} where the header has ${counts[1]})` : '';
    return `wrong number of values${detail}: the file looks truncated, or a value with a comma is not quoted`;
  }
  return `not valid CSV: ${error.message}`;
}
