import 'server-only';
import type { BadgeSource, ExportContext, IndexRow } from './sources';

export const CSV_COLUMNS = [
  'id',
  'source',
  'name',
  'issuer',
  'issued',
  'expires',
  'status',
  'public',
  'files',
] as const;

/**
 * One CSV cell. Badge and issuer names come from issuers: a cell that a spreadsheet would run as a
 * formula (=, +, -, @, tab, return) gets a leading apostrophe, and quotes are doubled.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csvLine(row: IndexRow): string {
  const cells = [
    row.id,
    row.source,
    row.name,
    row.issuer,
    row.issued ?? '',
    row.expires ?? '',
    row.status,
    row.isPublic ? 'yes' : 'no',
    row.files.join(' '),
  ];
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** badges.csv and badges.json, a row per badge of every source, each written as the rows come. */
export async function writeIndexFiles(ctx: ExportContext, sources: BadgeSource[]): Promise<void> {
  const csv = ctx.zip.openStream('badges.csv');
  await csv.write(`${CSV_COLUMNS.join(',')}\r\n`);
  for (const source of sources) for await (const row of source.indexRows(ctx)) await csv.write(csvLine(row));
  await csv.close();

  const json = ctx.zip.openStream('badges.json');
  await json.write('[');
  let separator = '\n';
  for (const source of sources) {
    for await (const row of source.indexRows(ctx)) {
      await json.write(`${separator}  ${JSON.stringify(row)}`);
      separator = ',\n';
    }
  }
  await json.close(separator === '\n' ? ']\n' : '\n]\n');
}
