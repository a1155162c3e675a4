import { sql } from 'drizzle-orm';
import { awards, importedBadges } from '@/db/schema';

/** Badges read per query by each pass over a user's awards. */
export const PAGE_SIZE = 50;

/**
 * Where a page ended: the last row's id and its order date as PostgreSQL holds it (as text, which
 * keeps the microseconds a JavaScript date drops). Carried by value, so paging goes on even when
 * that row is deleted meanwhile (a learner removing an imported badge during their export).
 */
export type Cursor = { id: string; at: string };

/** An award's order date, to select beside it for its Cursor. */
export const awardCursorAt = sql<string>`${awards.issuedAt}::text`;
/** An imported badge's order date, to select beside it for its Cursor. */
export const importedCursorAt = sql<string>`${importedBadges.createdAt}::text`;

/**
 * Awards after `last` in the order newest first (issued date, then id): keyset paging, so a page
 * costs the same at the thousandth badge as at the first.
 */
export function olderThan(last: Cursor) {
  return sql`(${awards.issuedAt}, ${awards.id}) < (${last.at}::timestamptz, ${last.id}::uuid)`;
}

/** Imported badges after `last`, newest first (added date, then id). */
export function importedOlderThan(last: Cursor) {
  return sql`(${importedBadges.createdAt}, ${importedBadges.id}) < (${last.at}::timestamptz, ${last.id}::uuid)`;
}

/** Every row, a page at a time: `page` reads the rows after a cursor, `cursorOf` says where a row ends one. */
export async function* pagesOf<T>(
  page: (after: Cursor | null) => Promise<T[]>,
  cursorOf: (row: T) => Cursor,
): AsyncGenerator<T[]> {
  let after: Cursor | null = null;
  for (;;) {
    const rows = await page(after);
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (!last || rows.length < PAGE_SIZE) return;
    after = cursorOf(last);
  }
}
