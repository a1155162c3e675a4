import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db/client';
import type { QueueStats } from '@/lib/observability/metrics';
import { JOB_TABLE } from './enqueue';
import { JOB_KIND_NAMES } from './kinds';

/**
 * What /metrics shows of the queue, per kind: jobs waiting (due or backing off), the age of the
 * oldest due one, and jobs that gave up (the dead letters a person can retry in the console).
 */
export async function queueStats(db: Db): Promise<QueueStats[]> {
  const rows = rowsOf<{ kind: string; depth: number; oldest: number | null; dead: number }>(
    await db.execute(sql`
      select name as kind,
             count(*) filter (where state in ('created', 'retry'))::int as depth,
             extract(epoch from now() - min(start_after) filter (
               where state in ('created', 'retry') and start_after <= now()))::float8 as oldest,
             count(*) filter (where state = 'failed')::int as dead
        from ${JOB_TABLE}
       group by name`),
  );
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return JOB_KIND_NAMES.map((kind) => {
    const row = byKind.get(kind);
    return {
      kind,
      depth: row?.depth ?? 0,
      oldestAgeSeconds: Math.max(0, row?.oldest ?? 0),
      dead: row?.dead ?? 0,
    };
  });
}
