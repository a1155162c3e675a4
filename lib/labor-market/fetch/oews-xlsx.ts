import { stat } from 'node:fs/promises';
import path from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { headerKey } from '@/lib/labor-market/import/csv-reader';
import { CsvWriter } from './csv-writer';
import { FetchError } from './errors';
import { ZipArchive } from './zip';

/** A national workbook is about 1 MB; past this it is not the file we expect (and it is read whole). */
export const MAX_WORKBOOK_BYTES = 64 * 1024 * 1024;

/** One year's national estimates: BLS's `national_M2024_dl.xlsx`. */
export type OewsWorkbook = { year: number; path: string; label: string };

const WORKBOOK_NAME = /(?:^|\/)national_M(\d{4})_dl\.xlsx$/i;
const ZIP_NAME = /^oesm(\d{2})nat\.zip$/i;

/** The survey year in a BLS file name: `national_M2024_dl.xlsx` or `oesm24nat.zip` → 2024. */
export function oewsYearOf(fileName: string): number | null {
  const workbook = WORKBOOK_NAME.exec(fileName);
  if (workbook?.[1]) return Number(workbook[1]);
  const zip = ZIP_NAME.exec(fileName);
  return zip?.[1] ? 2000 + Number(zip[1]) : null;
}

/** Takes the national workbook out of BLS's `oesm24nat.zip` (checked by CRC) into `dir`. */
export async function extractOewsWorkbook(
  zipPath: string,
  label: string,
  dir: string,
): Promise<OewsWorkbook> {
  const zip = await ZipArchive.open(zipPath, label);
  try {
    const entry = zip.entries.find((e) => WORKBOOK_NAME.test(e.fileName));
    if (!entry)
      throw new FetchError(`${label} holds no national_M<year>_dl.xlsx: not a BLS OEWS national file.`);
    const name = path.posix.basename(entry.fileName);
    const dest = path.join(dir, name);
    await zip.extract(entry, dest, MAX_WORKBOOK_BYTES);
    return { year: oewsYearOf(name) ?? 0, path: dest, label: `${label}: ${name}` };
  } finally {
    zip.close();
  }
}

// BLS's uppercase headers; the file's column is found by name. Older files say OCC_GROUP.
const COLUMNS: [ours: string, ...official: string[]][] = [
  ['occ_code', 'OCC_CODE'],
  ['occ_title', 'OCC_TITLE'],
  ['o_group', 'O_GROUP', 'OCC_GROUP'],
  ['tot_emp', 'TOT_EMP'],
  ['emp_prse', 'EMP_PRSE'],
  ...['MEAN', 'PCT10', 'PCT25', 'MEDIAN', 'PCT75', 'PCT90'].map((c): [string, string] => [
    `a_${c.toLowerCase()}`,
    `A_${c}`,
  ]),
  ...['MEAN', 'PCT10', 'PCT25', 'MEDIAN', 'PCT75', 'PCT90'].map((c): [string, string] => [
    `h_${c.toLowerCase()}`,
    `H_${c}`,
  ]),
];
const HEADER = ['year', ...COLUMNS.map(([ours]) => ours), 'annual_only', 'hourly_only'];

/**
 * Writes the first sheet of each national workbook, one year after another, as the importer's
 * one wage CSV (`bls_oews_national_<first>_<last>.csv`). Markers (`*`, `**`, `#`) stay text;
 * Excel's float noise (32.659999999999997) is rounded away. Returns the file's path.
 */
export async function writeWagesCsv(workbooks: OewsWorkbook[], outDir: string): Promise<string> {
  const years = workbooks.map((w) => w.year).sort();
  const file = path.join(outDir, `bls_oews_national_${years[0]}_${years.at(-1)}.csv`);
  const writer = new CsvWriter(file, HEADER);
  try {
    for (const workbook of workbooks) await writeWorkbook(workbook, writer);
  } finally {
    await writer.close();
  }
  return file;
}

async function writeWorkbook(workbook: OewsWorkbook, writer: CsvWriter): Promise<void> {
  const { size } = await stat(workbook.path);
  if (size > MAX_WORKBOOK_BYTES)
    throw new FetchError(`${workbook.label} is ${size} bytes: too large, refused.`);
  const rows = await readSheet(workbook.path).catch((error: Error) => {
    throw new FetchError(`${workbook.label} is not a readable Excel workbook (${error.message}).`);
  });
  const [header = [], ...data] = rows;
  const keys = header.map((h) => headerKey(String(h ?? '')));
  const find = (...names: string[]) =>
    names.map((n) => keys.indexOf(headerKey(n))).find((i) => i !== -1) ?? -1;
  const at = COLUMNS.map(([, ...official]) => {
    const index = find(...official);
    if (index === -1) {
      const found = header.filter((h) => h !== null).join(', ');
      throw new FetchError(
        `${workbook.label} has no column '${official.join("' or '")}' (found: ${found}). BLS may have renamed it; nothing was imported.`,
      );
    }
    return index;
  });
  const [industry, annual, hourly] = [find('I_GROUP'), find('ANNUAL'), find('HOURLY')];
  if (data.length === 0) throw new FetchError(`${workbook.label} has a header but no rows.`);
  for (const row of data) {
    if (industry !== -1 && text(row[industry]) !== '' && text(row[industry]) !== 'cross-industry') continue;
    const flag = (i: number) => (i !== -1 && text(row[i]).toUpperCase() === 'TRUE' ? 'TRUE' : '');
    await writer.row([String(workbook.year), ...at.map((i) => text(row[i])), flag(annual), flag(hourly)]);
  }
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(Number(value.toPrecision(12)));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString();
  return String(value).trim();
}
