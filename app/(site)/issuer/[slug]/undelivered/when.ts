// Minutes matter when something gave up; UTC so server and browser print the same words.
const format = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

/** "3 Mar 2026, 10:04 UTC". */
export function formatWhen(date: Date): string {
  return `${format.format(date)} UTC`;
}
