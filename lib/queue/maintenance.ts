import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db/client';
import type { OutboxRow } from '@/db/schema';
import { finalizeAccountDeletions } from '@/lib/accounts/deletion/finalize';
import { getConfig } from '@/lib/config';
import { pruneDataExports } from '@/lib/data-export/prune';
import { settleUnsent } from '@/lib/email/outbox';
import { retryUnverifiedImports } from '@/lib/imports/reverify';
import { verifierOptions } from '@/lib/imports/verifier';
import { sendExpiryReminders } from '@/lib/notifications/expiry-reminders';
import { enqueueJobs, JOB_TABLE } from './enqueue';
import { QUEUE_SCHEMA } from './kinds';

/**
 * How long finished rows are kept. Sent mail keeps no body once the provider has it (only
 * recipient, subject and outcome), so these bound how long that record and the webhook attempt
 * log stay; a finished upload keeps its counts but not its rows.
 */
export const RETENTION_DAYS = { outbox: 30, webhookDeliveries: 30, bulkRows: 30, unstartedUploads: 7 };
/** Rows deleted per statement, so pruning never holds locks for long. */
const PRUNE_BATCH = 5_000;
/** Work waiting this long without a job is swept up (well past any commit in flight). */
const ORPHAN_MINUTES = 10;

const archiveTable = sql.raw(`${QUEUE_SCHEMA}.archive`);

async function deleteInBatches(db: Db, statement: (limit: number) => ReturnType<typeof sql>) {
  let total = 0;
  for (;;) {
    const deleted = rowsOf(await db.execute(statement(PRUNE_BATCH))).length;
    total += deleted;
    if (deleted < PRUNE_BATCH) return total;
  }
}

/** Deletes finished rows past their retention; live rows (pending, sending, running) are never touched. */
export async function pruneFinishedRows(db: Db) {
  const days = RETENTION_DAYS;
  const outbox = await deleteInBatches(
    db,
    (limit) => sql`
      delete from outbox where id in (
        select id from outbox
         where status in ('sent', 'failed', 'captured')
           and created_at < now() - make_interval(days => ${days.outbox})
         limit ${limit})
      returning id`,
  );
  // Attempts go with their delivery (on delete cascade).
  const webhookDeliveries = await deleteInBatches(
    db,
    (limit) => sql`
      delete from webhook_deliveries where id in (
        select id from webhook_deliveries
         where status in ('succeeded', 'failed')
           and created_at < now() - make_interval(days => ${days.webhookDeliveries})
         limit ${limit})
      returning id`,
  );
  const bulkRows = await deleteInBatches(
    db,
    (limit) => sql`
      delete from bulk_job_rows where (job_id, row_number) in (
        select r.job_id, r.row_number from bulk_job_rows r join bulk_jobs j on j.id = r.job_id
         where j.status = 'done' and j.finished_at < now() - make_interval(days => ${days.bulkRows})
         limit ${limit})
      returning job_id`,
  );
  // Uploads checked but never started hold every row of their file: dropped after a week.
  const unstartedUploads = rowsOf(
    await db.execute(sql`
      delete from bulk_jobs
       where status = 'validated' and created_at < now() - make_interval(days => ${days.unstartedUploads})
      returning id`),
  ).length;
  return { outbox, webhookDeliveries, bulkRows, unstartedUploads };
}

type Orphan = { id: string; state: string | null };

/** Rows waiting for delivery, with the state of their job (null: no job at all). */
async function waitingRows(db: Db, table: 'outbox' | 'webhook_deliveries', kind: 'email' | 'webhook') {
  return rowsOf<Orphan>(
    await db.execute(sql`
      select w.id, coalesce(j.state::text, a.state::text) as state
        from ${sql.identifier(table)} w
        left join ${JOB_TABLE} j on j.name = ${kind} and j.id = w.id
        left join ${archiveTable} a on a.name = ${kind} and a.id = w.id
       where w.status in ('pending', 'sending')
         and w.created_at < now() - make_interval(mins => ${ORPHAN_MINUTES})
         and (j.id is null or j.state in ('completed', 'cancelled', 'failed'))
       limit 1000`),
  );
}

/**
 * Work whose job is gone: a row with no job at all (queued before the queue existed) gets one; a
 * row whose job ran out of attempts without settling it (its worker died on the last one) is
 * failed, as the handler would have done.
 */
export async function sweepOrphans(db: Db) {
  const mail = await waitingRows(db, 'outbox', 'email');
  const lostMail = mail.filter((r) => r.state === null);
  await enqueueJobs(
    db,
    'email',
    lostMail.map((r) => ({ outboxId: r.id })),
  );
  for (const r of mail.filter((m) => m.state !== null)) {
    const [row] = rowsOf<Pick<OutboxRow, 'id' | 'payload' | 'awardId'>>(
      await db.execute(sql`select id, payload, award_id as "awardId" from outbox where id = ${r.id}`),
    );
    if (row) await settleUnsent(db, row, 'Gave up: the last delivery attempt did not finish.');
  }

  const deliveries = await waitingRows(db, 'webhook_deliveries', 'webhook');
  const lostDeliveries = deliveries.filter((r) => r.state === null);
  await enqueueJobs(
    db,
    'webhook',
    lostDeliveries.map((r) => ({ deliveryId: r.id })),
  );
  const dead = deliveries.filter((r) => r.state !== null).map((r) => r.id);
  if (dead.length > 0)
    await db.execute(sql`
      update webhook_deliveries
         set status = 'failed', last_error = 'Gave up: the last delivery attempt did not finish.'
       where id in ${sql`(${sql.join(
         dead.map((id) => sql`${id}`),
         sql`, `,
       )})`} and status in ('pending', 'sending')`);

  // A running upload whose lease is free and that has no live batch job.
  const uploads = rowsOf<{ id: string }>(
    await db.execute(sql`
      select b.id from bulk_jobs b
       where b.status = 'running'
         and (b.locked_until is null or b.locked_until < now())
         and not exists (
           select 1 from ${JOB_TABLE} j
            where j.name = 'bulk' and j.data->>'jobId' = b.id::text and j.state < 'completed')
       limit 1000`),
  );
  await enqueueJobs(
    db,
    'bulk',
    uploads.map((u) => ({ jobId: u.id })),
  );
  return {
    requeued: lostMail.length + lostDeliveries.length + uploads.length,
    failed: mail.length - lostMail.length + dead.length,
  };
}

/** The hourly `maintenance` job. */
export async function runMaintenance(db: Db) {
  const pruned = await pruneFinishedRows(db);
  const swept = await sweepOrphans(db);
  const reminded = await sendExpiryReminders(db, { config: getConfig() });
  const deletedAccounts = await finalizeAccountDeletions(db);
  const imports = await retryUnverifiedImports(db, { ...verifierOptions(), batch: 20 });
  const dataExports = await pruneDataExports(db);
  return { pruned, swept, reminded, deletedAccounts, imports, dataExports };
}
