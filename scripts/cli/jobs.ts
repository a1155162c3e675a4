import { parseArgs } from 'node:util';
import { readFeedSource } from '@/lib/jobs/feed-source';
import { formatImportSummary, importJobFeed } from '@/lib/jobs/import-feed';
import type { Command } from './command';
import { openDb } from './db';
import { ReportedError, UsageError } from './errors';

async function importFeed(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { now: { type: 'string' } },
  });
  const [source, ...extra] = positionals;
  if (!source || extra.length > 0) throw new UsageError('jobs import takes one file or URL');
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (Number.isNaN(now.getTime()))
    throw new UsageError(`--now must be an ISO date-time, not "${values.now}"`);
  const text = await readFeedSource(source);
  const summary = await importJobFeed(await openDb(), { text, source, now });
  console.log(formatImportSummary(summary, source));
  const accepted =
    summary.created + summary.updated + summary.keptNewer + summary.expired + summary.duplicates;
  if (accepted === 0 && summary.rejected.length > 0) {
    throw new ReportedError(
      `Every posting in ${source} was rejected (${summary.rejected.length}); nothing was imported. Fix the postings listed above.`,
    );
  }
}

export const jobsCommands: Command[] = [
  {
    name: 'jobs import',
    summary: 'Import a schema.org JobPosting feed from a file or an https URL.',
    usage: 'npm run cli -- jobs import <file|url> [--now <ISO date-time>]',
    details: `
Postings are upserted by employer and identifier (never over a copy posted later); expired ones
are skipped and their stored copies removed; invalid ones are listed and skipped. The command
fails (exit 1) when every posting is rejected.

Options:
  --now <date-time>   judge expiry at this time instead of now (for replaying an old feed)

Example:
  npm run cli -- jobs import ./feeds/jobs.json`,
    run: importFeed,
  },
];
