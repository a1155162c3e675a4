import { formatAmount } from '@/lib/labor-market/pages/format';
import type { Amount, PayUnit } from '@/lib/labor-market/pages/pay';

export type TrendLine = { key: string; label: string; points: { year: number; amount: Amount | null }[] };

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 64, right: 20, top: 12, bottom: 30 };
// Told apart by colour, dash and marker, so the lines never rely on colour alone.
const STYLES = [
  { stroke: '#166534', dash: undefined, marker: 'circle' },
  { stroke: '#9a3412', dash: '6 4', marker: 'square' },
  { stroke: '#1e40af', dash: '2 3', marker: 'diamond' },
] as const;

function Marker({
  kind,
  x,
  y,
  color,
}: {
  kind: (typeof STYLES)[number]['marker'];
  x: number;
  y: number;
  color: string;
}) {
  if (kind === 'circle') return <circle cx={x} cy={y} r={4} fill={color} />;
  if (kind === 'square') return <rect x={x - 4} y={y - 4} width={8} height={8} fill={color} />;
  return <path d={`M${x} ${y - 5} L${x + 5} ${y} L${x} ${y + 5} L${x - 5} ${y} Z`} fill={color} />;
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
 * did not publish are gaps in the line and "—" in the table.
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
  const x = (year: number) =>
    lastYear === firstYear
      ? (PAD.left + WIDTH - PAD.right) / 2
      : PAD.left + ((year - firstYear) / (lastYear - firstYear)) * (WIDTH - PAD.left - PAD.right);
  const y = (value: number) => PAD.top + (1 - (value - lo) / (hi - lo)) * (HEIGHT - PAD.top - PAD.bottom);
  const amountAt = (line: TrendLine, year: number) =>
    line.points.find((p) => p.year === year)?.amount ?? null;

  return (
    <div className="flex flex-col gap-3">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-auto w-full max-w-2xl"
        role="img"
        aria-label={`Line chart of ${caption.charAt(0).toLowerCase()}${caption.slice(1)}, ${firstYear} to ${lastYear}. The numbers are in the table that follows.`}
      >
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} stroke="#e7e5e4" />
            <text x={PAD.left - 8} y={y(tick) + 4} textAnchor="end" fontSize="12" fill="#44403c">
              {axisMoney(tick, unit)}
            </text>
          </g>
        ))}
        {years.map((year) => (
          <text key={year} x={x(year)} y={HEIGHT - 8} textAnchor="middle" fontSize="12" fill="#44403c">
            {year}
          </text>
        ))}
        {shown.map((line, i) => {
          const style = STYLES[i] ?? STYLES[0];
          // Break the line at unpublished years rather than drawing across them.
          const segments: { year: number; value: number }[][] = [[]];
          for (const year of years) {
            const amount = amountAt(line, year);
            if (amount) segments[segments.length - 1]?.push({ year, value: amount.value });
            else segments.push([]);
          }
          return (
            <g key={line.key}>
              {segments
                .filter((s) => s.length > 1)
                .map((s) => (
                  <polyline
                    key={s[0]?.year}
                    points={s.map((p) => `${x(p.year)},${y(p.value)}`).join(' ')}
                    fill="none"
                    stroke={style.stroke}
                    strokeWidth={2.5}
                    strokeDasharray={style.dash}
                  />
                ))}
              {segments.flat().map((p) => (
                <Marker key={p.year} kind={style.marker} x={x(p.year)} y={y(p.value)} color={style.stroke} />
              ))}
            </g>
          );
        })}
      </svg>
      {shown.length > 1 ? (
        <ul className="flex flex-wrap gap-4 text-xs text-stone-800" aria-hidden="true">
          {shown.map((line, i) => {
            const style = STYLES[i] ?? STYLES[0];
            return (
              <li key={line.key} className="flex items-center gap-1.5">
                <svg width="28" height="10" aria-hidden="true">
                  <line
                    x1="0"
                    x2="28"
                    y1="5"
                    y2="5"
                    stroke={style.stroke}
                    strokeWidth={2.5}
                    strokeDasharray={style.dash}
                  />
                  <Marker kind={style.marker} x={14} y={5} color={style.stroke} />
                </svg>
                {line.label}
              </li>
            );
          })}
        </ul>
      ) : null}
      <div className="overflow-x-auto">
        <table className="text-left text-sm">
          <caption className="mb-2 text-left font-medium text-stone-900">{caption}</caption>
          <thead className="border-b border-stone-300 text-stone-700">
            <tr>
              <th scope="col" className="py-1 pr-4 font-medium">
                Year (May)
              </th>
              {shown.map((line) => (
                <th key={line.key} scope="col" className="py-1 pr-4 text-right font-medium">
                  {line.label}
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
                    <td key={line.key} className="py-1 pr-4 text-right tabular-nums">
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
      </div>
    </div>
  );
}
