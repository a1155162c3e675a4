import type { ActiveRelease } from '@/lib/labor-market/release';

type Props = {
  release: Pick<ActiveRelease, 'onetVersion' | 'wageYear' | 'isDemo'>;
  /** The first year of wages shown, when a trend goes back further than the release's year. */
  firstWageYear?: number;
  hasPay?: boolean;
};

/** The CC BY 4.0 attribution O*NET requires wherever its data is shown, and the BLS credit for pay. */
export function LaborMarketCredits({ release, firstWageYear, hasPay = true }: Props) {
  const years =
    firstWageYear && firstWageYear < release.wageYear
      ? `May ${firstWageYear}–May ${release.wageYear}`
      : `May ${release.wageYear}`;
  return (
    <footer className="flex flex-col gap-1 border-t border-stone-200 pt-3 text-xs text-stone-700">
      {release.isDemo ? <DemoDataNotice /> : null}
      <p>
        This page includes information from the O*NET {release.onetVersion} Database by the U.S. Department of
        Labor, Employment and Training Administration (USDOL/ETA). Used under the{' '}
        <a href="https://creativecommons.org/licenses/by/4.0/" className="underline" rel="license noopener">
          CC BY 4.0
        </a>{' '}
        license. O*NET® is a trademark of USDOL/ETA. Laurel has modified all or some of this information.
        USDOL/ETA has not approved, endorsed, or tested these modifications.
      </p>
      {hasPay ? (
        <p>
          Wage data: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics (OEWS),{' '}
          {years} national estimates.
        </p>
      ) : null}
    </footer>
  );
}

/**
 * Said wherever the shipped demo release (db/seed/demo-release) is the active one, so nobody takes
 * its few dozen occupations for the whole picture.
 */
export function DemoDataNotice() {
  return (
    <p className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
      <strong>Demo data:</strong> a few dozen occupations. Run{' '}
      <code className="font-mono">npm run cli -- labor-market fetch</code> for the full O*NET and BLS release.
    </p>
  );
}

/** What the insights panels say before any labor-market data has been imported. */
export function NoLaborMarketData() {
  return (
    <div className="rounded-md border border-stone-300 bg-stone-100 p-4 text-sm text-stone-800">
      <p className="font-medium">No labor-market data has been imported.</p>
      <p>
        Jobs, pay and skills appear here once an administrator imports the O*NET and BLS files:{' '}
        <code className="font-mono">npm run cli -- labor-market import &lt;dir&gt;</code>
      </p>
    </div>
  );
}
