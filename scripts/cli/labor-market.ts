import { parseArgs } from 'node:util';
import { isAppError } from '@/lib/errors';
import { importLaborMarketRelease } from '@/lib/labor-market/import/import-release';
import { stderrProgress } from '@/lib/labor-market/import/progress';
import type { Command } from './command';
import { openDb } from './db';
import { ReportedError, UsageError } from './errors';

async function importRelease(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'onet-version': { type: 'string' } },
  });
  const [dir, ...extra] = positionals;
  if (!dir || extra.length > 0) throw new UsageError('labor-market import takes one directory');
  const db = await openDb();
  const started = performance.now();
  let release: Awaited<ReturnType<typeof importLaborMarketRelease>>;
  try {
    release = await importLaborMarketRelease(db, {
      dir,
      onetVersion: values['onet-version'],
      progress: stderrProgress(),
    });
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (process.stderr.isTTY) process.stderr.write('\n'); // end the progress line
    throw new ReportedError(`Import failed. ${error.message}`);
  }
  for (const warning of release.warnings) console.error(`warning: ${warning}`);
  const n = (key: string) => (release.rowCounts[key] ?? 0).toLocaleString('en');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Imported O*NET ${release.onetVersion} and OEWS May ${release.wageYear} wages from ${release.source} in ${seconds} s: ` +
      `${n('occupations')} occupations (${n('occupationsWithWage')} with pay), ${n('technologies')} technologies ` +
      `(${n('hotTechnologies')} hot), ${n('aliases')} aliases. It is now the active release (${release.id}).`,
  );
}

export const laborMarketCommands: Command[] = [
  {
    name: 'labor-market import',
    summary: 'Load O*NET and BLS OEWS CSV files as the new active labor-market release.',
    usage: 'npm run cli -- labor-market import <dir> [--onet-version <x.y>]',
    details: `
Everything is loaded in one transaction: pages keep showing the previous release until the new
one is complete. Any bad row stops the import (exit 1) and nothing is kept; the message names the
file and the lines.

Options:
  --onet-version <x.y>   the O*NET version (read from <dir>/README.md when not given)

Example:
  npm run cli -- labor-market import ./onet-30.0`,
    run: importRelease,
  },
];
