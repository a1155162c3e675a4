/** For the jobs tests: per-test employer tags (test files share one PostgreSQL database and run in parallel). */
import { inArray } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { jobPostings } from '@/db/schema';

/** The sample's dates are late November 2026: every test pins `now`. */
export const SAMPLE_NOW = new Date('2026-11-28T12:00:00Z');

export const uniqueTag = () => `t${Math.random().toString(36).slice(2, 10)}`;

/** The stored postings whose employer carries `tag`, keyed by external id. */
export async function storedPostings(db: Executor, tag: string) {
  const rows = await db.select().from(jobPostings);
  return new Map(rows.filter((row) => row.orgKey.includes(tag)).map((row) => [row.externalId, row]));
}

export async function deleteTaggedPostings(db: Executor, tag: string) {
  const ids = [...(await storedPostings(db, tag)).values()].map((row) => row.id);
  if (ids.length > 0) await db.delete(jobPostings).where(inArray(jobPostings.id, ids));
}
