import { randomUUID } from 'node:crypto';
import { and, count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, rowsOf } from '@/db/client';
import { awards, bulkJobs, outbox } from '@/db/schema';
import { makeIssuer, uniqueEmail } from '@/test/factories';
import { retriesDueNow, runJobs } from '@/test/jobs';
import { createBulkJob, getBulkJob, startBulkJob } from './jobs';
import { retryBulkJob } from './retry';
import { MAX_BATCH_ATTEMPTS } from './run';

type Issued = Awaited<ReturnType<typeof makeIssuer>>;

/** Makes the database refuse any award to `email` from this issuer, until `fix()` is called. */
async function refuseAwardsTo(issued: Issued, email: string) {
  const db = await getDb();
  const name = sql.raw(`laurel_test_refuse_${randomUUID().replaceAll('-', '')}`);
  await db.execute(sql`create function ${name}() returns trigger language plpgsql as $$
    begin raise exception 'the awards table refuses this row'; end $$`);
  await db.execute(
    sql`create trigger ${name} before insert on awards for each row
        when (new.issuer_id = ${sql.raw(`'${issued.issuer.id}'`)} and new.recipient_email = ${sql.raw(`'${email}'`)})
        execute function ${name}()`,
  );
  return async () => {
    await db.execute(sql`drop trigger ${name} on awards`);
    await db.execute(sql`drop function ${name}()`);
  };
}

async function jobRow(jobId: string) {
  const [job] = await (await getDb()).select().from(bulkJobs).where(eq(bulkJobs.id, jobId));
  if (!job) throw new Error('no job');
  return job;
}

/** Runs queued batches (other files' jobs too) until `isReached` holds for this job. */
async function runUntil(jobId: string, isReached: (job: Awaited<ReturnType<typeof jobRow>>) => boolean) {
  for (let i = 0; i < 50; i += 1) {
    if (isReached(await jobRow(jobId))) return jobRow(jobId);
    await runJobs(['bulk'], { bulkBatchSize: 2 });
  }
  throw new Error('the job never got there');
}

/** The queue's retry of this job's batch: when it is due. */
async function retryDueAt(jobId: string) {
  const [job] = rowsOf<{ startAfter: string }>(
    await (await getDb()).execute(sql`
      select start_after as "startAfter" from pgboss.job
       where name = 'bulk' and data->>'jobId' = ${jobId} and state = 'retry'`),
  );
  return job ? new Date(job.startAfter).getTime() : null;
}

async function counts(issued: Issued, emails: string[]) {
  const db = await getDb();
  const [a] = await db.select({ n: count() }).from(awards).where(eq(awards.issuerId, issued.issuer.id));
  const [m] = await db.select({ n: count() }).from(outbox).where(sql`${outbox.payload}->>'to' in ${emails}`);
  return { awards: a?.n, emails: m?.n };
}

describe('a bulk job whose batch keeps failing', () => {
  it(`fails after ${MAX_BATCH_ATTEMPTS} attempts with the reason, and a retry after the fix completes it`, async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const emails = [uniqueEmail('first'), uniqueEmail('second'), uniqueEmail('third')];
    const created = await createBulkJob(db, {
      issuerId: issued.issuer.id,
      templateId: issued.template.id,
      userId: null,
      fileName: 'cohort.csv',
      csv: ['email,name', ...emails.map((e) => `${e},Learner`)].join('\n'),
    });
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    const jobId = created.job.id;
    const ids = { issuerId: issued.issuer.id, jobId };
    const fix = await refuseAwardsTo(issued, emails[2] as string);
    try {
      await startBulkJob(db, ids);
      // The first batch (two rows) is awarded; the second always fails, with a growing pause
      // (the queue's backoff: 10 s doubling, with jitter up to twice that).
      for (let attempt = 1; attempt < MAX_BATCH_ATTEMPTS; attempt += 1) {
        const job = await runUntil(jobId, (j) => j.attempts === attempt);
        expect(job).toMatchObject({ status: 'running', processed: 2 });
        const pause = ((await retryDueAt(jobId)) ?? 0) - Date.now();
        const base = 10_000 * 2 ** (attempt - 1);
        expect(pause).toBeGreaterThan(base - 5_000);
        expect(pause).toBeLessThanOrEqual(2 * base);
        await retriesDueNow('bulk');
      }
      await runUntil(jobId, (j) => j.status === 'failed');
      const failed = await getBulkJob(db, ids);
      expect(failed).toMatchObject({ status: 'failed', isFinished: true, processed: 2, total: 3 });
      expect(failed?.lastError).toBe('the awards table refuses this row');

      // Given up: no process takes it again, however long one waits.
      expect(await retryDueAt(jobId)).toBeNull();
      await retriesDueNow('bulk');
      await runJobs(['bulk']);
      expect(await jobRow(jobId)).toMatchObject({ status: 'failed', attempts: MAX_BATCH_ATTEMPTS });
      expect(await counts(issued, emails)).toEqual({ awards: 2, emails: 2 });
    } finally {
      await fix();
    }

    expect((await retryBulkJob(db, ids)).status).toBe('running');
    expect((await retryBulkJob(db, ids)).status).toBe('running');
    await runUntil(jobId, (j) => j.status === 'done');
    expect(await getBulkJob(db, ids)).toMatchObject({
      status: 'done',
      isFinished: true,
      processed: 3,
      failed: 0,
      lastError: null,
    });
    // The rows awarded before the failure were not awarded (or emailed) again.
    expect(await counts(issued, emails)).toEqual({ awards: 3, emails: 3 });
    await expect(retryBulkJob(db, ids)).rejects.toMatchObject({ code: 'conflict' });
    const [third] = await db
      .select({ state: awards.state })
      .from(awards)
      .where(and(eq(awards.issuerId, issued.issuer.id), eq(awards.recipientEmail, emails[2] as string)));
    expect(third?.state).toBe('pending');
  });

  it('refuses to retry another issuer’s job', async () => {
    const db = await getDb();
    const mine = await makeIssuer(db);
    const theirs = await makeIssuer(db);
    const created = await createBulkJob(db, {
      issuerId: mine.issuer.id,
      templateId: mine.template.id,
      userId: null,
      fileName: 'cohort.csv',
      csv: `email,name\n${uniqueEmail()},Learner`,
    });
    if (!created.ok) throw new Error('refused');
    await expect(
      retryBulkJob(db, { issuerId: theirs.issuer.id, jobId: created.job.id }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(retryBulkJob(db, { issuerId: mine.issuer.id, jobId: 'not-a-uuid' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
