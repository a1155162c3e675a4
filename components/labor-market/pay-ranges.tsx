import Link from 'next/link';
import { formatAmount } from '@/lib/labor-market/pages/format';
import type { Pay } from '@/lib/labor-market/pages/pay';

export type PayRow = { key: string; label: string; href?: string; pay: Pay | null; note?: string };

const WIDTH = 640;
const LABEL_WIDTH = 210;
const ROW_HEIGHT = 30;
const TOP = 8;
const AXIS_HEIGHT = 28;
const PLOT = { left: LABEL_WIDTH + 10, right: WIDTH - 28 };

/** Round axis steps ($25k, $50k, $100k …) with at most five intervals up to the largest figure. */
function axisTicks(largest: number): number[] {
  const step =
    [25_000, 50_000, 100_000, 200_000, 250_000, 500_000].find((s) => largest / s <= 5) ?? 1_000_000;
  const top = Math.max(step, Math.ceil(largest / step) * step);
  return Array.from({ length: top / step + 1 }, (_, i) => i * step);
}

const shortMoney = (value: number) => (value === 0 ? '$0' : `$${Math.round(value / 1000)}k`);
const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Yearly pay ranges as a chart (10th–90th percentile bar, 25th–75th box, median line) and the
 * same numbers as a table. The chart is one image to assistive technology; the table is the data.
 */
export function PayRanges({ caption, rows }: { caption: string; rows: PayRow[] }) {
  const charted = rows.filter((r) => r.pay?.unit === 'year' && r.pay.median);
  const ticks = axisTicks(Math.max(...charted.map((r) => (r.pay?.p90 ?? r.pay?.median)?.value ?? 0)));
  const max = ticks[ticks.length - 1] ?? 1;
  const x = (value: number) => PLOT.left + (value / max) * (PLOT.right - PLOT.left);
  const height = TOP + charted.length * ROW_HEIGHT + AXIS_HEIGHT;
  const hasHourly = rows.some((r) => r.pay?.unit === 'hour');
  const legend = [
    'Bar: 10th to 90th percentile',
    charted.some((r) => r.pay?.p25) ? 'darker box: 25th to 75th' : null,
    'black line: median.',
  ]
    .filter(Boolean)
    .join('; ')
    .concat(hasHourly ? ' Occupations paid by the hour are in the table only.' : '');
  return (
    <div className="flex flex-col gap-3">
      {charted.length ? (
        <svg
          viewBox={`0 0 ${WIDTH} ${height}`}
          className="h-auto w-full max-w-2xl"
          role="img"
          aria-label={`Chart of yearly pay for ${charted.length} ${charted.length === 1 ? 'occupation' : 'occupations'}: a bar from the 10th to the 90th percentile with a line at the median. The numbers are in the table that follows.`}
        >
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={x(tick)} x2={x(tick)} y1={TOP} y2={height - AXIS_HEIGHT} stroke="#d6d3d1" />
              <text x={x(tick)} y={height - 10} textAnchor="middle" fontSize="12" fill="#44403c">
                {shortMoney(tick)}
              </text>
            </g>
          ))}
          {charted.map((row, i) => {
            const pay = row.pay as Pay;
            const y = TOP + i * ROW_HEIGHT;
            const low = pay.p10?.value ?? pay.median?.value ?? 0;
            const high = pay.p90?.value ?? pay.median?.value ?? 0;
            const median = pay.median?.value ?? 0;
            return (
              <g key={row.key}>
                <text x={LABEL_WIDTH} y={y + 19} textAnchor="end" fontSize="12" fill="#292524">
                  {truncate(row.label, 32)}
                </text>
                <rect
                  x={x(low)}
                  y={y + 8}
                  width={Math.max(2, x(high) - x(low))}
                  height={14}
                  rx={3}
                  fill="#bbf7d0"
                  stroke="#166534"
                />
                {pay.p25 && pay.p75 ? (
                  <rect
                    x={x(pay.p25.value)}
                    y={y + 8}
                    width={Math.max(2, x(pay.p75.value) - x(pay.p25.value))}
                    height={14}
                    fill="#16803c"
                  />
                ) : null}
                <line x1={x(median)} x2={x(median)} y1={y + 4} y2={y + 26} stroke="#1c1917" strokeWidth={3} />
              </g>
            );
          })}
        </svg>
      ) : null}
      {charted.length ? <p className="text-xs text-stone-700">{legend}</p> : null}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="mb-2 text-left font-medium text-stone-900">{caption}</caption>
          <thead className="border-b border-stone-300 text-stone-700">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                Occupation
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                10th percentile
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                Median
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                90th percentile
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className="border-b border-stone-200">
                <th scope="row" className="py-1.5 pr-3 font-normal">
                  {row.href ? (
                    <Link href={row.href} className="underline">
                      {row.label}
                    </Link>
                  ) : (
                    row.label
                  )}
                  {row.note ? <span className="text-stone-700"> · {row.note}</span> : null}
                </th>
                {row.pay ? (
                  <>
                    <td className="py-1.5 pr-3 text-right tabular-nums">
                      {formatAmount(row.pay.p10, row.pay.unit)}
                    </td>
                    <td className="py-1.5 pr-3 text-right font-medium tabular-nums">
                      {formatAmount(row.pay.median, row.pay.unit)}
                      {row.pay.unit === 'hour' ? ' an hour' : ''}
                    </td>
                    <td className="py-1.5 pr-3 text-right tabular-nums">
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
      </div>
    </div>
  );
}
