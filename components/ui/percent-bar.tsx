/** A progress bar named by the element `labelId`, with its percentage written beside it. */
export function PercentBar({ labelId, percent }: { labelId: string; percent: number }) {
  return (
    <div className="flex items-center gap-3">
      <progress
        aria-labelledby={labelId}
        max={100}
        value={percent}
        aria-valuetext={`${percent}%`}
        className="h-4 min-w-0 flex-1"
      />
      <span aria-hidden="true" className="shrink-0 text-right font-semibold whitespace-nowrap tabular-nums">
        {percent}%
      </span>
    </div>
  );
}
