import { sql } from 'drizzle-orm';
import { awards, importedBadges } from '@/db/schema';

/** Badges read per query by each pass over a user's awards. */
export const PAGE_SIZE = 50;

/**
 * Awards after `last` in the order newest first (issued date, then id): keyset paging, so a page
 * costs the same at the thousandth badge as at the first. The last row's date is read back in SQL,
 * not sent from JavaScript, whose dates drop PostgreSQL's microseconds.
 */
export function olderThan(last: { id: string }) {
  return sql`(${awards.issuedAt}, ${awards.id}) < (select a.issued_at, a.id from awards a where a.id = ${last.id})`;
}

/** Imported badges after `last`, newest first (added date, then id), read back in SQL the same way. */
export function importedOlderThan(last: { id: string }) {
  return sql`(${importedBadges.createdAt}, ${importedBadges.id}) < (select i.created_at, i.id from imported_badges i where i.id = ${last.id})`;
}
