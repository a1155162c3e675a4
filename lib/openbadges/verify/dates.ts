import { formatDate } from '@/lib/format';

/** OB 2.0 DateTime: ISO 8601 with a time and a time zone (Unix timestamps are OB 1.x). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;

export function parseDateTime(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !DATE_TIME.test(value)) return undefined;
  // `+0000` and `+00` are ISO 8601 but not every Date parser reads them: write them as `+00:00`.
  const normalized = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2').replace(/([+-]\d{2})$/, '$1:00');
  const date = new Date(normalized);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function isDateTime(value: unknown): boolean {
  return parseDateTime(value) !== undefined;
}

/** "3 March 2025", for a DateTime already known to parse. */
export function readableDate(value: string): string {
  const date = parseDateTime(value);
  return date ? formatDate(date) : value;
}
