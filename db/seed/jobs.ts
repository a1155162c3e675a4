import { existsSync, readFileSync } from 'node:fs';
import type { Db } from '@/db/client';
import { type FeedImportSummary, importJobFeed } from '@/lib/jobs/import-feed';
import { demoFixture } from './fixtures';

/** The synthetic JobPosting feed of the public labor-market fixtures (CC0), when LAUREL_FIXTURES is set. */
export const sampleJobsFeed = () => demoFixture('labor-market', 'jobposting-feed.sample.json');
/** The day the sample feed describes: its postings are open then (late November 2026). */
export const SAMPLE_FEED_DATE = new Date('2026-11-28T00:00:00Z');

const DAY_MS = 86_400_000;

/** `2026-11-02…` moved by `days`, keeping the time and offset as written. */
function shiftDate(value: unknown, days: number): unknown {
  const match = typeof value === 'string' ? /^(\d{4}-\d{2}-\d{2})(.*)$/.exec(value) : null;
  if (!match?.[1]) return value;
  const day = new Date(Date.parse(`${match[1]}T00:00:00Z`) + days * DAY_MS);
  return `${day.toISOString().slice(0, 10)}${match[2] ?? ''}`;
}

/**
 * Imports the sample job feed. Run later than the feed's own date, its dates move forward by
 * the whole days in between, so the demo keeps showing the same open (and expired) postings.
 * Null without the feed (LAUREL_FIXTURES unset, or no file there).
 */
export async function seedJobs(
  db: Db,
  options: { now?: Date; feedPath?: string } = {},
): Promise<FeedImportSummary | null> {
  const now = options.now ?? new Date();
  const feedPath = options.feedPath ?? sampleJobsFeed();
  if (!feedPath || !existsSync(feedPath)) return null;
  const days = Math.max(0, Math.floor((now.getTime() - SAMPLE_FEED_DATE.getTime()) / DAY_MS));
  const postings = JSON.parse(readFileSync(feedPath, 'utf8')) as Record<string, unknown>[];
  const shifted = postings.map((posting) => ({
    ...posting,
    datePosted: shiftDate(posting.datePosted, days),
    validThrough: shiftDate(posting.validThrough, days),
  }));
  return importJobFeed(db, {
    text: JSON.stringify(shifted),
    source: 'seed: jobposting-feed.sample.json',
    now,
  });
}
