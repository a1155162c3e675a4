import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { headerKey } from '@/lib/labor-market/import/csv-reader';
import { FetchError } from './errors';

/** A row of an official file: its cells by the column keys the caller asked for. */
export type OfficialRow<K extends string> = { line: number; get: (column: K) => string };

/**
 * Reads a tab-delimited O*NET text file (no quoting: O*NET's texts contain bare quotes) and
 * hands each row to `onRow`. `columns` maps our keys to O*NET's header names, matched like the
 * importer matches headers (case and punctuation ignored), never by position; a missing column
 * is an error naming the file and the column.
 */
export async function readTsv<K extends string>(options: {
  input: Readable;
  file: string;
  columns: Record<K, string>;
  onRow: (row: OfficialRow<K>) => void | Promise<void>;
}): Promise<number> {
  const { input, file, columns } = options;
  const parser = input.pipe(
    parse({ delimiter: '\t', quote: false, bom: true, info: true, skip_empty_lines: true }),
  );
  input.on('error', (error) => parser.destroy(error));
  let index: Map<K, number> | null = null;
  let rows = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (!index) {
        index = mapColumns(file, record, columns);
        continue;
      }
      rows += 1;
      const cells = record;
      const at = index;
      await options.onRow({ line: info.lines, get: (column) => (cells[at.get(column) ?? -1] ?? '').trim() });
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as unknown as { lines?: number }).lines;
    throw new FetchError(
      `${file}${line ? ` line ${line}` : ''}: not a valid O*NET text file (${error.message}).`,
    );
  } finally {
    input.destroy();
  }
  if (!index) throw new FetchError(`${file} is empty.`);
  return rows;
}

function mapColumns<K extends string>(
  file: string,
  header: string[],
  columns: Record<K, string>,
): Map<K, number> {
  const keys = header.map(headerKey);
  const index = new Map<K, number>();
  for (const [key, official] of Object.entries(columns) as [K, string][]) {
    const at = keys.indexOf(headerKey(official));
    if (at === -1) {
      throw new FetchError(
        `${file} has no column '${official}' (found: ${header.map((h) => h.trim()).join(', ')}). The publisher may have renamed or removed it; nothing was imported.`,
      );
    }
    index.set(key, at);
  }
  return index;
}
