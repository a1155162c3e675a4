import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import {
  awardEvents,
  awards,
  bulkJobRows,
  bulkJobs,
  claimTokens,
  outbox,
  users,
  webhookDeliveries,
} from '@/db/schema';
import { OPTED_OUT_DETAIL } from '@/lib/awards/history';
import { listAwards } from '@/lib/awards/list-awards';
import { presentAward } from '@/lib/awards/present';
import { createWebhookEndpoint } from '@/lib/webhooks/endpoints';
import { makeIssuer, makeUser, testConfig, uniqueEmail } from '@/test/factories';
import { runJobs } from '@/test/jobs';
import { createBulkJob, getBulkJob, startBulkJob } from './jobs';
import { runBulkBatch } from './run';

type Issued = Awaited<ReturnType<typeof makeIssuer>>;

const emailsFor = (n: number) => Array.from({ length: n }, (_, i) => uniqueEmail(`bulk${i}`));
const csvFor = (emails: string[], name = 'Learner') =>
  ['email,name,issued', ...emails.map((e, i) => `${e},${name} ${i},2025-01-15`)].join('\n');

async function startJob(issued: Issued, csvText: string) {
  const db = await getDb();
  const created = await createBulkJob(db, {
    issuerId: issued.issuer.id,
    templateId: issued.template.id,
    userId: null,
    fileName: 'cohort.csv',
    csv: csvText,
  });
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  await startBulkJob(db, { issuerId: issued.issuer.id, jobId: created.job.id });
  return created.job.id;
}

async function progress(issued: Issued, jobId: string) {
  const job = await getBulkJob(await getDb(), { issuerId: issued.issuer.id, jobId });
  if (!job) throw new Error('job not found');
  return job;
}

/** Runs queued batches until this job is done (on a shared PostgreSQL, other jobs' batches too). */
async function runToDone(issued: Issued, jobId: string, bulkBatchSize?: number) {
  for (let i = 0; i < 100; i += 1) {
    if ((await progress(issued, jobId)).status === 'done') return progress(issued, jobId);
    await runJobs(['bulk'], { bulkBatchSize });
  }
  throw new Error('job did not finish');
}

/** One batch of this job, as its queued job would run it. */
const runBatch = async (jobId: string, batchSize: number) =>
  runBulkBatch({ db: await getDb(), config: testConfig, jobId, isLastAttempt: false, batchSize });

async function awardsTo(issued: Issued, emails: string[]) {
  const db = await getDb();
  return db
    .select({ id: awards.id, email: awards.recipientEmail })
    .from(awards)
    .where(and(eq(awards.issuerId, issued.issuer.id), inArray(awards.recipientEmail, emails)));
}

async function emailCount(emails: string[]) {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(outbox)
    .where(inArray(sql`${outbox.payload}->>'to'`, emails));
  return row?.n ?? 0;
}

async function jobRows(jobId: string) {
  const db = await getDb();
  return db
    .select({ rowNumber: bulkJobRows.rowNumber, status: bulkJobRows.status, awardId: bulkJobRows.awardId })
    .from(bulkJobRows)
    .where(eq(bulkJobRows.jobId, jobId))
    .orderBy(asc(bulkJobRows.rowNumber));
}

describe('bulk batches', () => {
  it('awards a 50-row file, and the same file again awards nothing twice', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const emails = emailsFor(50);
    const csvText = csvFor(emails);

    const first = await runToDone(issued, await startJob(issued, csvText));
    expect(first).toMatchObject({
      status: 'done',
      total: 50,
      processed: 50,
      failed: 0,
      skipped: 0,
      awarded: 50,
    });
    expect(first.finishedAt).toBeInstanceOf(Date);
    const firstAwards = await awardsTo(issued, emails);
    expect(firstAwards).toHaveLength(50);
    expect(await emailCount(emails)).toBe(50);
    const firstRows = await jobRows(first.id);
    expect(firstRows.every((r) => r.status === 'awarded')).toBe(true);
    expect(new Set(firstRows.map((r) => r.awardId))).toEqual(new Set(firstAwards.map((a) => a.id)));

    const second = await runToDone(issued, await startJob(issued, csvText));
    expect(second).toMatchObject({
      status: 'done',
      total: 50,
      processed: 50,
      failed: 0,
      skipped: 50,
      awarded: 0,
    });
    expect(await awardsTo(issued, emails)).toHaveLength(50);
    expect(await emailCount(emails)).toBe(50);
    const secondRows = await jobRows(second.id);
    expect(secondRows.map((r) => r.awardId)).toEqual(firstRows.map((r) => r.awardId));

    // The console's link from a finished upload lists the awards it made, for its own issuer only.
    const madeBy = async (issuerId: string, jobId: string) =>
      (await listAwards(db, { issuerId, query: { limit: 100 }, bulkJobId: jobId })).awards.map((a) => a.id);
    expect(new Set(await madeBy(issued.issuer.id, first.id))).toEqual(new Set(firstAwards.map((a) => a.id)));
    expect(await madeBy(issued.issuer.id, second.id)).toEqual([]);
    expect(await madeBy((await makeIssuer(db)).issuer.id, first.id)).toEqual([]);
  });

  it('fails, and lists, a row whose recipient already has the award under another name', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const emails = emailsFor(2);
    await runToDone(issued, await startJob(issued, csvFor(emails)));
    const renamed = csvFor([emails[0] as string], 'Renamed');

    const job = await runToDone(issued, await startJob(issued, renamed));
    expect(job).toMatchObject({ status: 'done', processed: 1, failed: 1 });
    expect(job.failures).toEqual([
      { rowNumber: 2, email: emails[0], error: expect.stringContaining('different name or evidence') },
    ]);
    expect(await awardsTo(issued, emails)).toHaveLength(2);
  });

  it('resumes after a crash: every row awarded once, one email per recipient', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const emails = emailsFor(25);
    const jobId = await startJob(issued, csvFor(emails));

    // One batch of 10, then the process "dies".
    await runBatch(jobId, 10);
    const afterBatch = await jobRows(jobId);
    expect(afterBatch.filter((r) => r.status === 'awarded')).toHaveLength(10);
    const lost = afterBatch[4];
    if (!lost?.awardId) throw new Error('row 6 was not awarded');
    // It died after the awards committed but before the row was recorded, holding the lease.
    await db
      .update(bulkJobRows)
      .set({ status: 'pending', awardId: null })
      .where(and(eq(bulkJobRows.jobId, jobId), eq(bulkJobRows.rowNumber, lost.rowNumber)));
    await db
      .update(bulkJobs)
      .set({ processed: 9, lockedUntil: sql`now() + interval '1 minute'` })
      .where(eq(bulkJobs.id, jobId));

    // While its lease holds, nobody else touches the job (a repeated queue job does nothing).
    expect(await runBatch(jobId, 10)).toEqual({ processed: 0 });
    expect((await progress(issued, jobId)).processed).toBe(9);

    await db
      .update(bulkJobs)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(bulkJobs.id, jobId));
    const done = await runToDone(issued, jobId, 10);
    expect(done).toMatchObject({ status: 'done', total: 25, processed: 25, failed: 0, skipped: 0 });

    const given = await awardsTo(issued, emails);
    expect(given).toHaveLength(25);
    expect(new Set(given.map((a) => a.email)).size).toBe(25);
    expect(await emailCount(emails)).toBe(25);
    const rows = await jobRows(jobId);
    expect(rows.every((r) => r.status === 'awarded')).toBe(true);
    expect(rows.find((r) => r.rowNumber === lost.rowNumber)?.awardId).toBe(lost.awardId);
  });

  it('awards a batch as createAward would: opted-out learners get no email, history and webhooks are written', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    await createWebhookEndpoint(db, {
      issuerId: issued.issuer.id,
      url: 'http://127.0.0.1:9/hooks',
      allowHosts: ['127.0.0.1'],
    });
    const optedOut = await makeUser(db);
    await db.update(users).set({ optedOutAt: new Date() }).where(eq(users.id, optedOut.user.id));
    const emails = [...emailsFor(3), optedOut.email];
    const csv = [
      'email,name,issued,expires,evidence',
      ...emails.map((e, i) => `${e},Learner ${i},2025-01-15,2030-01-01,https://labs.example/run/${i}`),
    ].join('\n');

    const job = await runToDone(issued, await startJob(issued, csv));
    expect(job).toMatchObject({ status: 'done', processed: 4, failed: 0 });

    const given = await db
      .select()
      .from(awards)
      .where(and(eq(awards.issuerId, issued.issuer.id), inArray(awards.recipientEmail, emails)));
    const byEmail = new Map(given.map((a) => [a.recipientEmail, a]));
    const first = byEmail.get(emails[0] as string);
    expect(first).toMatchObject({
      state: 'pending',
      recipientName: 'Learner 0',
      issuedAt: new Date('2025-01-15T00:00:00Z'),
      expiresAt: new Date('2030-01-01T00:00:00Z'),
      evidence: [{ url: 'https://labs.example/run/0' }],
    });
    expect(byEmail.get(optedOut.email)?.state).toBe('opted_out');

    const ids = given.map((a) => a.id);
    const mailedTo = await db
      .select({ awardId: outbox.awardId })
      .from(outbox)
      .where(inArray(outbox.awardId, ids));
    expect(mailedTo).toHaveLength(3);
    expect(mailedTo.map((m) => m.awardId)).not.toContain(byEmail.get(optedOut.email)?.id);
    const tokens = await db.select().from(claimTokens).where(inArray(claimTokens.awardId, ids));
    expect(tokens).toHaveLength(3);

    const created = await db
      .select({ awardId: awardEvents.awardId, detail: awardEvents.detail })
      .from(awardEvents)
      .where(and(inArray(awardEvents.awardId, ids), eq(awardEvents.kind, 'created')));
    expect(created).toHaveLength(4);
    expect(created.find((e) => e.awardId === byEmail.get(optedOut.email)?.id)?.detail).toBe(OPTED_OUT_DETAIL);

    const deliveries = await db
      .select({ body: webhookDeliveries.body })
      .from(webhookDeliveries)
      .where(inArray(sql`${webhookDeliveries.body}->'data'->'award'->>'id'`, ids));
    expect(deliveries).toHaveLength(4);
    const sent = deliveries.map((d) => d.body as { type: string; data: { award: unknown } });
    expect(sent.every((d) => d.type === 'award.created')).toBe(true);
    expect(sent.map((d) => d.data.award)).toEqual(
      expect.arrayContaining(
        given.map((a) => JSON.parse(JSON.stringify(presentAward(a, testConfig.appUrl)))),
      ),
    );
  });

  it("in demo mode captures the claim emails and says so in each award's history", async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const emails = emailsFor(3);
    const jobId = await startJob(issued, csvFor(emails));
    await runBulkBatch({ db, config: { ...testConfig, isDemoMode: true }, jobId, isLastAttempt: false });
    expect((await progress(issued, jobId)).status).toBe('done');
    const given = await awardsTo(issued, emails);
    const ids = given.map((a) => a.id);
    const mail = await db.select({ status: outbox.status }).from(outbox).where(inArray(outbox.awardId, ids));
    expect(mail.map((m) => m.status)).toEqual(['captured', 'captured', 'captured']);
    const emailed = await db
      .select({ detail: awardEvents.detail })
      .from(awardEvents)
      .where(and(inArray(awardEvents.awardId, ids), eq(awardEvents.kind, 'emailed')));
    expect(emailed).toHaveLength(3);
    expect(emailed.every((e) => e.detail?.includes('kept in the demo mailbox'))).toBe(true);
  });
});
