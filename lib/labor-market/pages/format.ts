import type { Amount, Pay, PayUnit } from './pay';

const dollars = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
const cents = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
});
const count = new Intl.NumberFormat('en-US');

/** "$135,980", "$29.05", "≥ $239,200" (BLS gives only "at or above" its top code). */
export function formatAmount(amount: Amount | null | undefined, unit: PayUnit): string {
  if (!amount) return '—';
  const money = (unit === 'year' ? dollars : cents).format(amount.value);
  return amount.isAtLeast ? `≥ ${money}` : money;
}

/** "$82,460–$214,670" */
export function formatRange(pay: Pay): string {
  return `${formatAmount(pay.p10, pay.unit)}–${formatAmount(pay.p90, pay.unit)}`;
}

export const unitText: Record<PayUnit, string> = { year: 'a year', hour: 'an hour' };

export function formatCount(value: number): string {
  return count.format(value);
}

/** "Job Zone Four: Considerable Preparation Needed" → "Considerable preparation needed". */
export function plainJobZone(name: string): string {
  const words = name.replace(/^Job Zone \w+:\s*/i, '').trim();
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}
