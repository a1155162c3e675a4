import { and, gt, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import { jobPostings } from '@/db/schema';

/** A posting without an end date is shown for this long after it was posted. */
export const UNDATED_POSTING_DAYS = 60;

/** Undated postings posted after this are still open at `now`. */
const undatedCutoff = (now: Date) => new Date(now.getTime() - UNDATED_POSTING_DAYS * 86_400_000);

/** Postings open at `now`: before their end date, or recent when they give none. */
export function isActivePosting(now: Date): SQL {
  const cutoff = undatedCutoff(now);
  return or(
    and(isNotNull(jobPostings.validThrough), gt(jobPostings.validThrough, now)),
    and(isNull(jobPostings.validThrough), gt(jobPostings.datePosted, cutoff)),
  ) as SQL;
}

/** The same rule for one posting in memory: whether an import should store it as open. */
export function isOpenAt(posting: { datePosted: Date; validThrough: Date | null }, now: Date): boolean {
  if (posting.validThrough) return posting.validThrough.getTime() > now.getTime();
  return posting.datePosted > undatedCutoff(now);
}
