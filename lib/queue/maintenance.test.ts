import { eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, rowsOf } from '@/db/client';
import { bulkJobRows, bulkJobs, outbox, webhookAttempts, webhookDeliveries } from '@/db/schema';
import { createBulkJob, startBulkJob } from '@/lib/bulk/jobs';
import { enqueueEmail } from '@/lib/email/outbox';
import { createWebhookEndpoint } from '@/lib/webhooks/endpoints';
import { sendTestEvent } from '@/lib/webhooks/events';
import { makeIssuer, uniqueEmail } from '@/test/factories';
import { jobFor } from '@/test/jobs';
import { withOwnDatabase } from '@/test/own-database';
import { pruneFinishedRows, RETENTION_DAYS, sweepOrphans } from './maintenance';

// Pruning and sweeping act on every row they find: this file keeps its rows to itself.
withOwnDatabase({ label: 'maintenance' });

const message = (to: string) => ({ to, subject: 'Hello', html: '<p>hi</p>', text: 'hi' });
const daysAgo = (days: number) => sql`now() - make_interval(days => ${days})`;

async function ageOutbox(id: string, days: number, status: 'sent' | 'failed' | 'pending') {
  await (await getDb())
    .update(outbox)
    .set({ status, createdAt: daysAgo(days) })
    .where(eq(outbox.id, id));
}

async function issuerWithEndpoint() {
  const db = await getDb();
  const issued = await makeIssuer(db);
  const { endpoint } = await createWebhookEndpoint(db, {
    issuerId: issued.issuer.id,
    url: 'http://127.0.0.1:9/hooks',
    allowHosts: ['127.0.0.1'],
  });
  return { issued, endpoint };
}

async function uploadOf(issued: Awaited<ReturnType<typeof makeIssuer>>, rows: number) {
  const db = await getDb();
  const csv = [
    'email,name',
    ...Array.from({ length: rows }, (_, i) => `${uniqueEmail(`r${i}`)},Learner`),
  ].join('\n');
  const created = await createBulkJob(db, {
    issuerId: issued.issuer.id,
    templateId: issued.template.id,
    userId: null,
    fileName: 'cohort.csv',
    csv,
  });
  if (!created.ok) throw new Error('refused');
  return created.job.id;
}

describe('retention', () => {
  it('prunes finished rows past their retention and leaves live and recent rows alone', async () => {
    const db = await getDb();
    const old = RETENTION_DAYS.outbox + 1;
    const mail = {
      oldSent: await enqueueEmail(db, { message: message(uniqueEmail()), isDemoMode: false }),
      oldFailed: await enqueueEmail(db, { message: message(uniqueEmail()), isDemoMode: false }),
      oldPending: await enqueueEmail(db, { message: message(uniqueEmail()), isDemoMode: false }),
      recentSent: await enqueueEmail(db, { message: message(uniqueEmail()), isDemoMode: false }),
    };
    await ageOutbox(mail.oldSent, old, 'sent');
    await ageOutbox(mail.oldFailed, old, 'failed');
    await ageOutbox(mail.oldPending, old, 'pending');
    await ageOutbox(mail.recentSent, RETENTION_DAYS.outbox - 1, 'sent');

    const { issued, endpoint } = await issuerWithEndpoint();
    const oldDelivery = await sendTestEvent(db, { issuerId: issued.issuer.id, endpointId: endpoint.id });
    const liveDelivery = await sendTestEvent(db, { issuerId: issued.issuer.id, endpointId: endpoint.id });
    await db
      .insert(webhookAttempts)
      .values({ deliveryId: oldDelivery, attempt: 1, statusCode: 200, durationMs: 3 });
    await db
      .update(webhookDeliveries)
      .set({ status: 'succeeded', createdAt: daysAgo(RETENTION_DAYS.webhookDeliveries + 1) })
      .where(eq(webhookDeliveries.id, oldDelivery));
    await db
      .update(webhookDeliveries)
      .set({ createdAt: daysAgo(RETENTION_DAYS.webhookDeliveries + 1) })
      .where(eq(webhookDeliveries.id, liveDelivery));

    const finished = await uploadOf(issued, 3);
    await db
      .update(bulkJobs)
      .set({ status: 'done', finishedAt: daysAgo(RETENTION_DAYS.bulkRows + 1) })
      .where(eq(bulkJobs.id, finished));
    const running = await uploadOf(issued, 2);
    await startBulkJob(db, { issuerId: issued.issuer.id, jobId: running });
    await db
      .update(bulkJobs)
      .set({ createdAt: daysAgo(60) })
      .where(eq(bulkJobs.id, running));
    const abandoned = await uploadOf(issued, 2);
    await db
      .update(bulkJobs)
      .set({ createdAt: daysAgo(RETENTION_DAYS.unstartedUploads + 1) })
      .where(eq(bulkJobs.id, abandoned));
    const checkedToday = await uploadOf(issued, 2);

    expect(await pruneFinishedRows(db)).toEqual({
      outbox: 2,
      webhookDeliveries: 1,
      bulkRows: 3,
      unstartedUploads: 1,
    });

    const mailLeft = await db
      .select({ id: outbox.id })
      .from(outbox)
      .where(inArray(outbox.id, Object.values(mail)));
    expect(new Set(mailLeft.map((r) => r.id))).toEqual(new Set([mail.oldPending, mail.recentSent]));
    const deliveriesLeft = await db.select({ id: webhookDeliveries.id }).from(webhookDeliveries);
    expect(deliveriesLeft.map((d) => d.id)).toEqual([liveDelivery]);
    expect(
      await db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, oldDelivery)),
    ).toEqual([]);
    const rowsLeft = await db.select({ jobId: bulkJobRows.jobId }).from(bulkJobRows);
    expect(rowsLeft.filter((r) => r.jobId === finished)).toEqual([]);
    expect(rowsLeft.filter((r) => r.jobId === running)).toHaveLength(2);
    expect(rowsLeft.filter((r) => r.jobId === checkedToday)).toHaveLength(2);
    const uploads = await db.select({ id: bulkJobs.id }).from(bulkJobs);
    expect(new Set(uploads.map((u) => u.id))).toEqual(new Set([finished, running, checkedToday]));

    // Nothing left to prune: a second run deletes nothing.
    expect(await pruneFinishedRows(db)).toEqual({
      outbox: 0,
      webhookDeliveries: 0,
      bulkRows: 0,
      unstartedUploads: 0,
    });
  });
});

describe('the orphan sweep', () => {
  it('queues waiting work that has no job and fails work whose job died on its last attempt', async () => {
    const db = await getDb();
    const lost = await enqueueEmail(db, { message: message(uniqueEmail()), isDemoMode: false });
    const dead = await enqueueEmail(db, { message: message(uniqueEmail()), isDemoMode: false });
    const fresh = await enqueueEmail(db, { message: message(uniqueEmail()), isDemoMode: false });
    // `lost` was queued before the queue existed: no job at all.
    await db.execute(sql`delete from pgboss.job where name = 'email' and id = ${lost}`);
    // `dead`'s worker died on the last attempt: the queue failed the job, the row still says sending.
    await db.execute(sql`update pgboss.job set state = 'failed' where name = 'email' and id = ${dead}`);
    await db.update(outbox).set({ status: 'sending' }).where(eq(outbox.id, dead));
    await db
      .update(outbox)
      .set({ createdAt: sql`now() - interval '1 hour'` })
      .where(inArray(outbox.id, [lost, dead]));

    expect(await sweepOrphans(db)).toEqual({ requeued: 1, failed: 1 });

    expect(await jobFor('email', lost)).toMatchObject({ state: 'created' });
    const [deadRow] = await db.select().from(outbox).where(eq(outbox.id, dead));
    expect(deadRow).toMatchObject({ status: 'failed', lastError: expect.stringContaining('Gave up') });
    expect(deadRow?.payload.html).toBe('');
    // Recent work is a commit in flight or a job about to run: left alone.
    expect(await jobFor('email', fresh)).toMatchObject({ state: 'created' });
    expect(await sweepOrphans(db)).toEqual({ requeued: 0, failed: 0 });
  });

  it('restarts a running upload whose batch job is gone', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const jobId = await uploadOf(issued, 2);
    await startBulkJob(db, { issuerId: issued.issuer.id, jobId });
    await db.execute(sql`delete from pgboss.job where name = 'bulk' and data->>'jobId' = ${jobId}`);

    expect((await sweepOrphans(db)).requeued).toBe(1);
    const jobs = rowsOf(
      await db.execute(sql`select 1 from pgboss.job where name = 'bulk' and data->>'jobId' = ${jobId}`),
    );
    expect(jobs).toHaveLength(1);
    // It has a live job now: the next sweep leaves it alone.
    expect((await sweepOrphans(db)).requeued).toBe(0);
  });
});
