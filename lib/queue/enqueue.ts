import { sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { Executor } from '@/db/client';
import { type JobData, type JobKind, NUDGE_CHANNEL, QUEUE_SCHEMA } from './kinds';
import { executorDb } from './sql-adapter';

/** pg-boss's job table, for the few queries of ours that read or fix it. */
export const JOB_TABLE = sql.raw(`${QUEUE_SCHEMA}.job`);

/**
 * A pg-boss that is never started and has no connection: its calls (insert, fetch, complete,
 * fail) run on the connection passed with each, such as the caller's transaction.
 */
const holder = globalThis as unknown as { laurelQueueSender?: PgBoss };
export function detachedBoss(): PgBoss {
  holder.laurelQueueSender ??= new PgBoss({
    db: {
      executeSql: () => Promise.reject(new Error('this pg-boss has no connection: pass one with the call')),
    },
    schema: QUEUE_SCHEMA,
  });
  return holder.laurelQueueSender;
}

/**
 * A message or delivery has at most one job at a time, under its own id: queuing it twice is
 * harmless, and the upkeep finds a row's job by primary key. Bulk batches chain, so they get new ids.
 */
function jobIdFor(data: JobData[JobKind]): string | undefined {
  if ('outboxId' in data) return data.outboxId;
  if ('deliveryId' in data) return data.deliveryId;
  return undefined;
}

/**
 * Queues work in the caller's transaction: the jobs exist exactly when the change that caused
 * them commits. The NOTIFY is delivered at that commit too (never for a rolled-back change) and
 * wakes the workers listening, wherever they run, so nothing waits for the next poll.
 */
export async function enqueueJobs<K extends JobKind>(
  tx: Executor,
  kind: K,
  items: Array<JobData[K]>,
  options: { startAfter?: Date } = {},
): Promise<void> {
  if (items.length === 0) return;
  const startAfter = options.startAfter?.toISOString();
  await detachedBoss().insert(
    items.map((data) => ({ name: kind, data, id: jobIdFor(data), ...(startAfter ? { startAfter } : {}) })),
    { db: executorDb(tx) },
  );
  await tx.execute(sql`select pg_notify(${NUDGE_CHANNEL}, ${kind})`);
}

/**
 * A person's retry of failed work (a webhook delivery from the console): the finished job under
 * the row's id makes way for a fresh one with all its attempts. A live job is left alone.
 */
export async function requeueJob(
  tx: Executor,
  kind: 'email' | 'webhook',
  data: JobData['email'] | JobData['webhook'],
) {
  const id = jobIdFor(data);
  await tx.execute(sql`delete from ${JOB_TABLE} where name = ${kind} and id = ${id} and state > 'active'`);
  await enqueueJobs(tx, kind, [data] as Array<JobData[typeof kind]>);
}
