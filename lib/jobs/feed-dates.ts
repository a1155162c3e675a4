const DAY_MS = 86_400_000;

/**
 * A feed date as an instant. A date and time without an offset is read as UTC (never the
 * server's zone); a bare date is the start of that day in UTC, or with `endOfDay` its last
 * millisecond, so a posting "valid through 2026-12-15" is open for all of that day. Null when
 * the value is not a real date (2026-02-30).
 */
export function parseFeedDate(value: string, options: { endOfDay?: boolean } = {}): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, time] = match as unknown as [string, string, string, string, string | undefined];
  const start = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const isRealDay =
    start.getUTCFullYear() === Number(year) &&
    start.getUTCMonth() === Number(month) - 1 &&
    start.getUTCDate() === Number(day);
  if (!isRealDay) return null;
  if (!time) return options.endOfDay ? new Date(start.getTime() + DAY_MS - 1) : start;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(time) ? time : `${time}Z`;
  const withColon = zoned.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const instant = new Date(`${year}-${month}-${day}${withColon}`);
  return Number.isNaN(instant.getTime()) ? null : instant;
}
