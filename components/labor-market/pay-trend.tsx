import { formatAmount } from '@/lib/labor-market/pages/format';
import type { Amount, PayUnit } from '@/lib/labor-market/pages/pay';
import { Breakable } from './pay-ranges';
import { ScrollTable } from './scroll-table';

export type TrendLine = { key: string; label: string; points: { year: number; amount: Amount | null }[] };

// Told apart by colour, dash and marker, so the lines never rely on colour alone.
const STYLES = [
  { stroke: '#166534', dash: undefined, marker: 'circle' },
  { stroke: '#9a3412', dash: '6 4', marker: 'square' },
  { stroke: '#1e40af', dash: '2 3', marker: 'diamond' },
] as const;
/** The plot's inner margins in percent, so end markers and year labels are not cut. */
const INSET = { x: 6, y: 6 };

function Marker({ kind, color }: { kind: (typeof STYLES)[number]['marker']; color: string }) {
  return (
    <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true" className="block">
      {kind === 'circle' ? <circle cx={5} cy={5} r={4} fill={color} /> : null}
      {kind === 'square' ? <rect x={1} y={1} width={8} height={8} fill={color} /> : null}
      {kind === 'diamond' ? <path d="M5 0 L10 5 L5 10 L0 5 Z" fill={color} /> : null}
    </svg>
  );
}

/** Round steps ($5k, $10k, $25k … or $1, $2, $5 … an hour): at most five intervals around the figures. */
function axisTicks(low: number, high: number, unit: PayUnit): number[] {
  const steps =
    unit === 'hour' ? [1, 2, 5, 10, 20, 50, 100] : [5_000, 10_000, 25_000, 50_000, 100_000, 200_000];
  const span = (step: number) => {
    const from = Math.floor(low / step) * step;
    // A flat line still gets an axis one step tall.
    return { from, to: Math.max(Math.ceil(high / step) * step, from + step) };
  };
  const step = steps.find((s) => (span(s).to - span(s).from) / s <= 5) ?? (steps[steps.length - 1] as number);
  const { from, to } = span(step);
  return Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => from + i * step);
}

const axisMoney = (value: number, unit: PayUnit) =>
  unit === 'hour' ? `$${value.toFixed(0)}` : `$${Math.round(value / 1000)}k`;

/**
 * Pay over the years as a line chart and the same figures as a table (years as rows). Years BLS
 * did not publish are gaps in the line and "—" in the table. The lines are an SVG stretched to
 * the box (strokes keep their width); labels and markers are HTML on top, so their text stays at
 * the page's size on a phone instead of shrinking with the drawing.
 */
export function PayTrend({ caption, lines, unit }: { caption: string; lines: TrendLine[]; unit: PayUnit }) {
  const shown = lines.slice(0, STYLES.length);
  const years = [...new Set(shown.flatMap((l) => l.points.map((p) => p.year)))].sort((a, b) => a - b);
  const values = shown.flatMap((l) => l.points.flatMap((p) => (p.amount ? [p.amount.value] : [])));
  if (years.length === 0 || values.length === 0) return null;
  const ticks = axisTicks(Math.min(...values), Math.max(...values), unit);
  const lo = ticks[0] ?? 0;
  const hi = ticks[ticks.length - 1] ?? 1;
  const firstYear = years[0] as number;
  const lastYear = years[years.length - 1] as number;
  // Both in percent of the plot box: x from the left, y from the top.
  const x = (year: number) =>
    lastYear === firstYear
      ? 50
      : INSET.x + ((year - firstYear) / (lastYear - firstYear)) * (100 - 2 * INSET.x);
  const y = (value: number) => INSET.y + (1 - (value - lo) / (hi - lo)) * (100 - 2 * INSET.y);
  const amountAt = (line: TrendLine, year: number) =>
    line.points.find((p) => p.year === year)?.amount ?? null;
  const segmentsOf = (line: TrendLine) => {
    // Break the line at unpublished years rather than drawing across them.
    const segments: { year: number; value: number }[][] = [[]];
    for (const year of years) {
      const amount = amountAt(line, year);
      if (amount) segments[segments.length - 1]?.push({ year, value: amount.value });
      else segments.push([]);
    }
    return segments;
  };

  return (
    <div className="flex flex-col gap-3">
      <div
        role="img"
        aria-label={`Line chart of ${caption.charAt(0).toLowerCase()}${caption.slice(1)}, ${firstYear} to ${lastYear}. The numbers are in the table that follows.`}
        className="flex max-w-2xl flex-col text-xs text-stone-700"
        data-chart="pay-trend"
      >
        <div className="flex">
          <div className="relative w-12 shrink-0">
            {ticks.map((tick) => (
              <span
                key={tick}
                className="absolute right-2 -translate-y-1/2 whitespace-nowrap"
                style={{ top: `${y(tick)}%` }}
              >
                {axisMoney(tick, unit)}
              </span>
            ))}
          </div>
          <div className="relative h-48 min-w-0 flex-1 sm:h-56">
            <svg
              viewBox="0 0 100 100"
              preserveAspectRatio="none"
              className="absolute inset-0 h-full w-full"
              aria-hidden="true"
            >
              {ticks.map((tick) => (
                <line
                  key={tick}
                  x1={0}
                  x2={100}
                  y1={y(tick)}
                  y2={y(tick)}
                  stroke="#e7e5e4"
                  vectorEffect="non-scaling-stroke"
                />
              ))}
              {shown.map((line, i) => {
                const style = STYLES[i] ?? STYLES[0];
                return segmentsOf(line)
                  .filter((s) => s.length > 1)
                  .map((s) => (
                    <polyline
                      key={`${line.key}-${s[0]?.year}`}
                      points={s.map((p) => `${x(p.year)},${y(p.value)}`).join(' ')}
                      fill="none"
                      stroke={style.stroke}
                      strokeWidth={2.5}
                      strokeDasharray={style.dash}
                      vectorEffect="non-scaling-stroke"
                    />
                  ));
              })}
            </svg>
            {shown.map((line, i) => {
              const style = STYLES[i] ?? STYLES[0];
              return segmentsOf(line)
                .flat()
                .map((p) => (
                  <span
                    key={`${line.key}-${p.year}`}
                    className="absolute -translate-x-1/2 -translate-y-1/2"
                    style={{ left: `${x(p.year)}%`, top: `${y(p.value)}%` }}
                  >
                    <Marker kind={style.marker} color={style.stroke} />
                  </span>
                ));
            })}
          </div>
        </div>
        <div className="relative ml-12 h-5">
          {years.map((year) => (
            <span
              key={year}
              className="absolute top-1 -translate-x-1/2 whitespace-nowrap"
              style={{ left: `${x(year)}%` }}
            >
              {year}
            </span>
          ))}
        </div>
      </div>
      {shown.length > 1 ? (
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-800" aria-hidden="true">
          {shown.map((line, i) => {
            const style = STYLES[i] ?? STYLES[0];
            return (
              <li key={line.key} className="flex items-center gap-1.5">
                <svg width="28" height="10" aria-hidden="true" className="shrink-0">
                  <line
                    x1="0"
                    x2="28"
                    y1="5"
                    y2="5"
                    stroke={style.stroke}
                    strokeWidth={2.5}
                    strokeDasharray={style.dash}
                  />
                </svg>
                <Marker kind={style.marker} color={style.stroke} />
                <span className="break-words">{line.label}</span>
              </li>
            );
          })}
        </ul>
      ) : null}
      <ScrollTable label={caption}>
        <table className="text-left text-sm">
          <caption className="mb-2 text-left font-medium text-stone-900">{caption}</caption>
          <thead className="border-b border-stone-300 text-stone-700">
            <tr>
              <th scope="col" className="py-1 pr-2 font-medium sm:pr-4">
                Year (May)
              </th>
              {shown.map((line) => (
                <th
                  key={line.key}
                  scope="col"
                  className="min-w-20 py-1 pr-2 text-right font-medium [overflow-wrap:anywhere] sm:pr-4"
                >
                  <Breakable text={line.label} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {years.map((year) => (
              <tr key={year} className="border-b border-stone-200">
                <th scope="row" className="py-1 pr-4 font-normal">
                  {year}
                </th>
                {shown.map((line) => {
                  const amount = amountAt(line, year);
                  return (
                    <td
                      key={line.key}
                      className="py-1 pr-2 text-right whitespace-nowrap tabular-nums sm:pr-4"
                    >
                      {amount ? (
                        formatAmount(amount, unit)
                      ) : (
                        <span>
                          <span aria-hidden="true">—</span>
                          <span className="sr-only">not published</span>
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </div>
  );
}
