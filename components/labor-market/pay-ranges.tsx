import Link from 'next/link';
import { Fragment } from 'react';
import { formatAmount } from '@/lib/labor-market/pages/format';
import type { Pay } from '@/lib/labor-market/pages/pay';
import { ScrollTable } from './scroll-table';

export type PayRow = { key: string; label: string; href?: string; pay: Pay | null; note?: string };

/** Round axis steps ($25k, $50k, $100k …) with at most five intervals up to the largest figure. */
function axisTicks(largest: number): number[] {
  const step =
    [25_000, 50_000, 100_000, 200_000, 250_000, 500_000].find((s) => largest / s <= 5) ?? 1_000_000;
  const top = Math.max(step, Math.ceil(largest / step) * step);
  return Array.from({ length: top / step + 1 }, (_, i) => i * step);
}

const shortMoney = (value: number) => (value === 0 ? '$0' : `$${Math.round(value / 1000)}k`);
const percent = (value: number) => `${value.toFixed(2)}%`;
/** "Engineers/Architects" may break after the slash (a <wbr>), so a narrow column can wrap it. */
export function Breakable({ text }: { text: string }) {
  const parts = text.split('/');
  return parts.map((part, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 ? (
        <>
          /<wbr />
        </>
      ) : null}
    </Fragment>
  ));
}
// Two columns from the small breakpoint: labels wrap in theirs; on a phone each label sits above its bar.
const ROW = 'grid grid-cols-1 gap-x-3 gap-y-1 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)] sm:items-center';

/**
 * Yearly pay ranges as a chart (10th–90th percentile bar, 25th–75th box, median line) and the
 * same numbers as a table. The chart is drawn with HTML, so its labels are text at the page's own
 * size (never scaled down with an image) and wrap instead of being cut. It is one image to
 * assistive technology; the table is the data.
 */
export function PayRanges({ caption, rows }: { caption: string; rows: PayRow[] }) {
  const charted = rows.filter((r) => r.pay?.unit === 'year' && r.pay.median);
  const ticks = axisTicks(Math.max(...charted.map((r) => (r.pay?.p90 ?? r.pay?.median)?.value ?? 0)));
  const max = ticks[ticks.length - 1] ?? 1;
  const x = (value: number) => (value / max) * 100;
  const hasHourly = rows.some((r) => r.pay?.unit === 'hour');
  const legend = [
    'Bar: 10th to 90th percentile',
    charted.some((r) => r.pay?.p25) ? 'darker box: 25th to 75th' : null,
    'black line: median.',
  ]
    .filter(Boolean)
    .join('; ')
    .concat(hasHourly ? ' Occupations paid by the hour are in the table only.' : '');
  const gridLines = ticks.map((tick) => (
    <span key={tick} className="absolute inset-y-0 w-px bg-stone-300" style={{ left: percent(x(tick)) }} />
  ));
  return (
    <div className="flex flex-col gap-3">
      {charted.length ? (
        <div
          role="img"
          aria-label={`Chart of yearly pay for ${charted.length} ${charted.length === 1 ? 'occupation' : 'occupations'}: a bar from the 10th to the 90th percentile with a line at the median. The numbers are in the table that follows.`}
          className="flex max-w-3xl flex-col gap-2"
          data-chart="pay-ranges"
        >
          {charted.map((row) => {
            const pay = row.pay as Pay;
            const low = pay.p10?.value ?? pay.median?.value ?? 0;
            const high = pay.p90?.value ?? pay.median?.value ?? 0;
            return (
              <div key={row.key} className={ROW}>
                <span className="text-sm text-stone-900 break-words" data-chart-label>
                  {row.label}
                </span>
                <div className="relative h-7 sm:mr-6">
                  {gridLines}
                  <span
                    className="absolute top-1.5 h-4 rounded-sm border border-brand-700 bg-brand-200"
                    style={{ left: percent(x(low)), width: `max(2px, ${percent(x(high) - x(low))})` }}
                  />
                  {pay.p25 && pay.p75 ? (
                    <span
                      className="absolute top-1.5 h-4 bg-brand-600"
                      style={{
                        left: percent(x(pay.p25.value)),
                        width: percent(x(pay.p75.value) - x(pay.p25.value)),
                      }}
                    />
                  ) : null}
                  <span
                    className="absolute inset-y-0 w-[3px] -translate-x-1/2 bg-stone-900"
                    style={{ left: percent(x(pay.median?.value ?? 0)) }}
                  />
                </div>
              </div>
            );
          })}
          <div className={ROW}>
            <span className="hidden sm:block" />
            <div className="relative h-5 text-xs text-stone-700 sm:mr-6">
              {ticks.map((tick, i) => (
                <span
                  key={tick}
                  className={`absolute top-0 whitespace-nowrap ${i === 0 ? '' : i === ticks.length - 1 ? '-translate-x-full' : '-translate-x-1/2'}`}
                  style={{ left: percent(x(tick)) }}
                >
                  {shortMoney(tick)}
                </span>
              ))}
            </div>
          </div>
        </div>
      ) : null}
      {charted.length ? <p className="text-xs text-stone-700">{legend}</p> : null}
      <ScrollTable label={caption}>
        <table className="w-full text-left text-sm">
          <caption className="mb-2 text-left font-medium text-stone-900">{caption}</caption>
          <thead className="border-b border-stone-300 text-stone-700">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                Occupation
              </th>
              <th scope="col" className="py-1 pr-2 text-right font-medium sm:pr-3">
                10th percentile
              </th>
              <th scope="col" className="py-1 pr-2 text-right font-medium sm:pr-3">
                Median
              </th>
              <th scope="col" className="py-1 pr-2 text-right font-medium sm:pr-3">
                90th percentile
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className="border-b border-stone-200">
                <th scope="row" className="min-w-28 py-1.5 pr-2 font-normal [overflow-wrap:anywhere] sm:pr-3">
                  {row.href ? (
                    <Link href={row.href} className="underline">
                      <Breakable text={row.label} />
                    </Link>
                  ) : (
                    <Breakable text={row.label} />
                  )}
                  {row.note ? <span className="text-stone-700"> · {row.note}</span> : null}
                </th>
                {row.pay ? (
                  <>
                    <td className="py-1.5 pr-2 text-right whitespace-nowrap tabular-nums sm:pr-3">
                      {formatAmount(row.pay.p10, row.pay.unit)}
                    </td>
                    <td className="py-1.5 pr-2 text-right font-medium whitespace-nowrap tabular-nums sm:pr-3">
                      {formatAmount(row.pay.median, row.pay.unit)}
                      {row.pay.unit === 'hour' ? ' an hour' : ''}
                    </td>
                    <td className="py-1.5 pr-2 text-right whitespace-nowrap tabular-nums sm:pr-3">
                      {formatAmount(row.pay.p90, row.pay.unit)}
                    </td>
                  </>
                ) : (
                  <td colSpan={3} className="py-1.5 pr-3 text-right text-stone-700">
                    No published pay
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </div>
  );
}
