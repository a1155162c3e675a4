import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { awards, badgeViews } from '@/db/schema';
import { utcDay, visitorHash } from './visitor-hash';

/** Marks older than this many days can no longer stop a second view, so they are deleted. */
const KEEP_DAYS = 2;

/**
 * Counts a view of a public badge at most once per client per UTC day. The mark and the count
 * are one statement: two simultaneous beacons from one client cannot both count. Private or
 * unknown badges get neither.
 */
export async function countBadgeView(
  db: Executor,
  input: { awardId: string; client: string; secret: string; now?: Date },
): Promise<void> {
  const day = utcDay(input.now ?? new Date());
  const visitor = visitorHash({ secret: input.secret, purpose: 'badge-view', parts: [input.client, day] });
  const counted = await db.execute(sql`
    WITH mark AS (
      INSERT INTO ${badgeViews} (award_id, visitor_hash, day)
      SELECT ${awards.id}, ${visitor}, ${day}::date FROM ${awards}
      WHERE ${awards.id} = ${input.awardId} AND ${awards.state} = 'accepted' AND ${awards.isPublic}
      ON CONFLICT DO NOTHING
      RETURNING award_id
    )
    UPDATE ${awards} SET view_count = view_count + 1 WHERE ${awards.id} IN (SELECT award_id FROM mark)
    RETURNING ${awards.id}`);
  // Pruning rides on counted views only: a reload, or a beacon for a private badge, writes nothing.
  if (rowsOf(counted).length > 0) {
    await db.execute(
      sql`DELETE FROM ${badgeViews} WHERE ${badgeViews.day} < ${day}::date - ${KEEP_DAYS}::int`,
    );
  }
}
