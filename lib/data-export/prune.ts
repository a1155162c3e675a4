import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db/client';
import { JOB_TABLE } from '@/lib/queue/enqueue';

/** Export rows (not their zips, which go at expiry) are kept this long, for the rate limit and the page. */
export const EXPORT_ROW_DAYS = 30;
/** A queued or running export untouched this long, with no live job, was lost with its worker. */
const LOST_MINUTES = 30;

/**
 * The hourly upkeep's part for exports: zips past their expiry are deleted (the row says expired),
 * exports whose job is gone are failed so their owner can try again, and old rows are removed.
 */
export async function pruneDataExports(db: Db) {
  const expired = rowsOf(
    await db.execute(sql`
      update data_exports set status = 'expired'
       where status = 'ready' and expires_at <= now()
      returning id`),
  ).length;
  await db.execute(sql`
    delete from data_export_chunks c using data_exports e
     where c.export_id = e.id and e.status in ('expired', 'failed')`);
  const lost = rowsOf(
    await db.execute(sql`
      update data_exports e
         set status = 'failed', last_error = 'Making your file stopped before it finished.', finished_at = now()
       where e.status in ('queued', 'running')
         and coalesce(e.heartbeat_at, e.created_at) < now() - make_interval(mins => ${LOST_MINUTES})
         and not exists (
           select 1 from ${JOB_TABLE} j
            where j.name = 'export' and j.data->>'exportId' = e.id::text and j.state < 'completed')
      returning e.id`),
  ).length;
  const removed = rowsOf(
    await db.execute(sql`
      delete from data_exports
       where status in ('expired', 'failed') and created_at < now() - make_interval(days => ${EXPORT_ROW_DAYS})
      returning id`),
  ).length;
  return { expired, lost, removed };
}
