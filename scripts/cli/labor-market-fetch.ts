import { parseArgs } from 'node:util';
import { isAppError } from '@/lib/errors';
import { BLS_BASE_URL, ONET_BASE_URL } from '@/lib/labor-market/fetch/discover';
import { FetchError } from '@/lib/labor-market/fetch/errors';
import { fetchLaborMarketRelease } from '@/lib/labor-market/fetch/fetch-release';
import { stderrDownloadProgress } from '@/lib/labor-market/fetch/progress';
import { stderrProgress } from '@/lib/labor-market/import/progress';
import type { Command } from './command';
import { openDb } from './db';
import { ReportedError, UsageError } from './errors';

/**
 * `labor-market fetch`: parses the options, fetches and imports, and prints a summary. Usage
 * mistakes throw `UsageError`; failures (unreachable site, broken or changed files) a
 * `ReportedError` carrying the whole explanation.
 */
async function laborMarketFetch(args: string[]): Promise<void> {
  const { values } = parse(args);
  const years = values.years === undefined ? 5 : Number(values.years);
  if (!Number.isInteger(years) || years < 1 || years > 30)
    throw new UsageError(`--years must be a whole number from 1 to 30, not "${values.years}"`);
  const version = values['onet-version'];
  if (version !== undefined && !/^\d+\.\d+$/.test(version))
    throw new UsageError(`--onet-version must look like 30.1, not "${version}"`);
  for (const option of ['onet-url', 'bls-url'] as const) {
    const url = values[option];
    if (url !== undefined && !URL.canParse(url))
      throw new UsageError(`--${option} must be a URL, not "${url}"`);
  }

  const db = await openDb();
  const started = performance.now();
  let release: Awaited<ReturnType<typeof fetchLaborMarketRelease>>;
  try {
    release = await fetchLaborMarketRelease(db, {
      from: values.from,
      onetVersion: version,
      years,
      onetBaseUrl: values['onet-url'],
      blsBaseUrl: values['bls-url'],
      downloads: stderrDownloadProgress(),
      progress: stderrProgress(),
    });
  } catch (error) {
    if (!(error instanceof FetchError) && !isAppError(error)) throw error;
    if (process.stderr.isTTY) process.stderr.write('\n'); // end the progress line
    throw new ReportedError(`Fetch failed; the previous release is still the active one. ${error.message}`);
  }
  for (const warning of release.warnings) console.error(`warning: ${warning}`);
  const n = (key: string) => (release.rowCounts[key] ?? 0).toLocaleString('en');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Imported O*NET ${release.onetVersion} and OEWS May ${release.wageYears.join(', ')} wages in ${seconds} s: ` +
      `${n('occupations')} occupations (${n('occupationsWithWage')} with pay), ${n('technologies')} technologies ` +
      `(${n('hotTechnologies')} hot). It is now the active release (${release.id}).`,
  );
}

function parse(args: string[]) {
  return parseArgs({
    args,
    options: {
      'onet-version': { type: 'string' },
      years: { type: 'string' },
      from: { type: 'string' },
      'onet-url': { type: 'string' },
      'bls-url': { type: 'string' },
    },
  });
}

export const laborMarketFetchCommand: Command = {
  name: 'labor-market fetch',
  summary: 'Download the current O*NET and BLS OEWS releases from their publishers and import them.',
  usage: 'npm run cli -- labor-market fetch [--onet-version <x.y>] [--years <n>] [--from <dir|zip>]',
  details: `
Downloads the current O*NET text release (${ONET_BASE_URL}/dl_files/database/db_<major>_<minor>_text.zip)
and the BLS OEWS national estimates (${BLS_BASE_URL}/oes/special-requests/oesm<YY>nat.zip), checks
them, and imports them as the new active labor-market release. On any failure the previous release
stays active.

Options:
  --onet-version <x.y>  use this O*NET release (e.g. 30.1) instead of the newest one listed on
                        ${ONET_BASE_URL}/database.html
  --years <n>           how many OEWS years to import for the pay trend, newest first (default 5);
                        the newest is last year's May estimates, or the year before if not out yet
  --from <dir|zip>      import files already downloaded, without any network:
                          a directory holding db_<major>_<minor>_text.zip (or its extracted
                          db_<major>_<minor>_text folder) and the BLS oesm<YY>nat.zip files (or the
                          national_M<YYYY>_dl.xlsx inside them);
                          or the O*NET zip or extracted folder itself: the BLS files are then
                          looked for in the same directory (beside the zip or the folder)
  --onet-url <base>     O*NET site or a mirror with the same paths (default ${ONET_BASE_URL})
  --bls-url <base>      BLS site or a mirror with the same paths (default ${BLS_BASE_URL})

Examples:
  npm run cli -- labor-market fetch
  npm run cli -- labor-market fetch --from ~/Downloads/onet`,
  run: laborMarketFetch,
};
