import type { CsvRow } from './csv-reader';
import { BadValue } from './problems';

const ONET_CODE = /^\d{2}-\d{4}\.\d{2}$/;
const SOC_CODE = /^\d{2}-\d{4}$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** A required, non-empty cell. */
export function text(row: CsvRow, column: string): string {
  const value = row.get(column).trim();
  if (!value) throw new BadValue(`${column} is empty`);
  return value;
}

/** An O*NET-SOC code such as 15-1252.00. */
export function onetCode(row: CsvRow, column: string): string {
  const value = row.get(column).trim();
  if (!ONET_CODE.test(value))
    throw new BadValue(`${column} '${value}' is not an O*NET-SOC code (NN-NNNN.NN)`);
  return value;
}

/** A SOC or OEWS code such as 15-1252. */
export function socCode(row: CsvRow, column: string): string {
  const value = row.get(column).trim();
  if (!SOC_CODE.test(value)) throw new BadValue(`${column} '${value}' is not an SOC code (NN-NNNN)`);
  return value;
}

export function number(row: CsvRow, column: string, range?: { min: number; max: number }): number {
  const value = row.get(column).trim();
  if (!NUMBER.test(value)) throw new BadValue(`${column} '${value}' is not a number`);
  const n = Number(value);
  if (range && (n < range.min || n > range.max)) {
    throw new BadValue(`${column} ${value} is outside ${range.min}–${range.max}`);
  }
  return n;
}

export function integer(row: CsvRow, column: string, range?: { min: number; max: number }): number {
  const n = number(row, column, range);
  if (!Number.isInteger(n)) throw new BadValue(`${column} '${row.get(column).trim()}' is not a whole number`);
  return n;
}

/** O*NET's Y/N flags. */
export function yesNo(row: CsvRow, column: string): boolean {
  const value = row.get(column).trim();
  if (value === 'Y') return true;
  if (value === 'N') return false;
  throw new BadValue(`${column} '${value}' must be Y or N`);
}

/** One of a fixed set of source values, mapped to ours. */
export function oneOf<T>(row: CsvRow, column: string, values: Record<string, T>): T {
  const value = row.get(column).trim();
  const mapped = values[value];
  if (mapped === undefined) {
    throw new BadValue(`${column} '${value}' must be one of ${Object.keys(values).join(', ')}`);
  }
  return mapped;
}

/**
 * A BLS OEWS figure. `*` (no wage estimate) and `**` (no employment estimate) are null; `#` (at
 * or above the top code) is null too, and the caller records the column as top-coded. Anything
 * else that is not a plain number is a bad number: BLS markers are never read as numbers.
 */
export function blsNumber(row: CsvRow, column: string): number | null | '#' {
  const value = row.get(column).trim();
  if (value === '*' || value === '**') return null;
  if (value === '#') return '#';
  if (!NUMBER.test(value))
    throw new BadValue(`${column} '${value}' is not a number or a BLS marker (*, **, #)`);
  return Number(value);
}
