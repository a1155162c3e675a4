import { existsSync, readFileSync } from 'node:fs';
import type { Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import { type FeedImportSummary, importJobFeed } from '@/lib/jobs/import-feed';
import { DEMO_FEED_DATE, DEMO_JOB_POSTINGS } from './demo-jobs-feed';
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

type Feed = { name: string; postings: Record<string, unknown>[]; date: Date };

/** The feed to seed: the file given, else the sample feed in LAUREL_FIXTURES, else the shipped demo feed. */
function chooseFeed(feedPath: string | null): Feed {
  if (!feedPath) return { name: 'the demo feed', postings: DEMO_JOB_POSTINGS, date: DEMO_FEED_DATE };
  if (!existsSync(feedPath))
    throw new AppError('invalid', `${feedPath}: no such file (expected the sample jobs feed).`);
  const postings = JSON.parse(readFileSync(feedPath, 'utf8')) as Record<string, unknown>[];
  return { name: feedPath.split(/[\\/]/).at(-1) ?? feedPath, postings, date: SAMPLE_FEED_DATE };
}

export type SeededJobs = FeedImportSummary & { feed: string };

/**
 * Imports the demo's job postings: the sample feed when LAUREL_FIXTURES is set (or the file
 * given), otherwise the demo feed the project ships (db/seed/demo-jobs-feed.ts). Run later than
 * the feed's own date, its dates move forward by the whole days in between, so the demo keeps
 * showing the same open (and expired) postings.
 */
export async function seedJobs(
  db: Db,
  options: { now?: Date; feedPath?: string | null; postings?: Record<string, unknown>[] } = {},
): Promise<SeededJobs> {
  const now = options.now ?? new Date();
  const feed = options.postings
    ? { name: 'the demo feed', postings: options.postings, date: DEMO_FEED_DATE }
    : chooseFeed(options.feedPath === undefined ? sampleJobsFeed() : options.feedPath);
  const days = Math.max(0, Math.floor((now.getTime() - feed.date.getTime()) / DAY_MS));
  const shifted = feed.postings.map((posting) => ({
    ...posting,
    datePosted: shiftDate(posting.datePosted, days),
    validThrough: shiftDate(posting.validThrough, days),
  }));
  const summary = await importJobFeed(db, {
    text: JSON.stringify(shifted),
    source: `seed: ${feed.name}`,
    now,
  });
  return { ...summary, feed: feed.name };
}
