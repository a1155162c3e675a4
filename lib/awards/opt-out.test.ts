import { and, asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Db, type Executor, getDb } from '@/db/client';
import { awards, bulkJobRows, bulkJobs, type EmailMessage, outbox, users } from '@/db/schema';
import { jobRowItems } from '@/lib/bulk/job-rows';
import { createBulkJob } from '@/lib/bulk/jobs';
import { deliverEmail } from '@/lib/email/outbox';
import { makeAward, makeIssuer, makeUser, testConfig, uniqueEmail } from '@/test/factories';
import { createAward } from './create-award';
import { createAwards } from './create-awards';
import { findAwardWithHistory } from './history';
import { OPTED_OUT_REFUSAL } from './opt-out';
import { resendClaim } from './resend-claim';
import { revokeAward } from './revoke-award';

type Issued = Awaited<ReturnType<typeof makeIssuer>>;

const optOut = (db: Executor, userId: string) =>
  db.update(users).set({ optedOutAt: sql`now()` }).where(eq(users.id, userId));

const mailTo = async (db: Db, email: string) =>
  db.select().from(outbox).where(sql`${outbox.payload}->>'to' = ${email}`);

/**
 * Runs `work` while the learner's opt-out is being saved in a transaction that commits half a second
 * later: the award must see the opt-out, not the state from before it.
 */
async function duringOptOut<T>(db: Db, userId: string, work: () => Promise<T>): Promise<T> {
  let commit = () => {};
  const held = new Promise<void>((resolve) => {
    commit = resolve;
  });
  let saved = () => {};
  const isSaved = new Promise<void>((resolve) => {
    saved = resolve;
  });
  const saving = db.transaction(async (tx) => {
    await optOut(tx, userId);
    saved();
    await held;
  });
  await isSaved;
  const result = work();
  await new Promise((resolve) => setTimeout(resolve, 500));
  commit();
  await saving;
  return result;
}

describe('a learner who opted out of achievements gets no email', () => {
  it('refuses to resend a claim email, with the reason, and queues nothing', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const learner = await makeUser(db);
    const { award } = await makeAward(db, issued, { email: learner.email });
    await optOut(db, learner.user.id);

    await expect(
      resendClaim(db, { issuerId: issued.issuer.id, awardId: award.id, config: testConfig }),
    ).rejects.toMatchObject({ code: 'conflict', message: OPTED_OUT_REFUSAL });
    expect(await mailTo(db, learner.email)).toHaveLength(1);
  });

  it('does not send a claim email queued before the learner opted out', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const learner = await makeUser(db);
    const { award } = await makeAward(db, issued, { email: learner.email });
    await optOut(db, learner.user.id);

    const sent: EmailMessage[] = [];
    // This award's mail only, as its email job would deliver it.
    const [queued] = await db.select({ id: outbox.id }).from(outbox).where(eq(outbox.awardId, award.id));
    await deliverEmail({
      db,
      outboxId: queued?.id ?? '',
      isLastAttempt: false,
      send: async (message) => {
        sent.push(message);
        return { ok: true, providerId: 'provider-id' };
      },
    });

    expect(sent).toEqual([]);
    const [row] = await mailTo(db, learner.email);
    expect(row).toMatchObject({ status: 'failed', lastError: OPTED_OUT_REFUSAL, sentAt: null });
    expect(row?.payload.text).toBe('');
    const found = await findAwardWithHistory(db, { issuerId: issued.issuer.id, awardId: award.id });
    expect(found?.events.map((e) => e.kind)).toEqual(['created', 'email_withheld']);
  });

  it('does not tell an opted-out learner about a revocation', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const learner = await makeUser(db);
    const { award } = await makeAward(db, issued, { email: learner.email });
    await optOut(db, learner.user.id);

    const result = await revokeAward(db, {
      issuerId: issued.issuer.id,
      awardId: award.id,
      reason: 'Issued in error',
      notifyRecipient: true,
      config: testConfig,
    });
    expect(result.isRecipientNotified).toBe(false);
    expect(await mailTo(db, learner.email)).toHaveLength(1);
  });

  it('sees an opt-out saved while an award is being made', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const learner = await makeUser(db);

    const { award } = await duringOptOut(db, learner.user.id, () =>
      createAward({
        db,
        config: testConfig,
        issuer: issued.issuer,
        input: { templateId: issued.template.id, recipient: { email: learner.email, name: 'Ada' } },
      }),
    );
    expect(award.state).toBe('opted_out');
    expect(await mailTo(db, learner.email)).toEqual([]);
  });

  it('sees an opt-out saved while a bulk batch is being awarded', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const learner = await makeUser(db);
    // A batch of two: the learner who opts out and another, who is emailed.
    const other = uniqueEmail('other');
    const job = await bulkJob(db, issued, [learner.email, other]);
    const rows = await db
      .select({ rowNumber: bulkJobRows.rowNumber, input: bulkJobRows.input })
      .from(bulkJobRows)
      .where(eq(bulkJobRows.jobId, job.id))
      .orderBy(asc(bulkJobRows.rowNumber));

    await duringOptOut(db, learner.user.id, () =>
      createAwards(db, {
        config: testConfig,
        issuer: issued.issuer,
        source: 'csv',
        items: jobRowItems(job, rows),
      }),
    );
    const [award] = await db
      .select()
      .from(awards)
      .where(and(eq(awards.issuerId, issued.issuer.id), eq(awards.recipientEmail, learner.email)));
    expect(award?.state).toBe('opted_out');
    expect(await mailTo(db, learner.email)).toEqual([]);
    expect(await mailTo(db, other)).toHaveLength(1);
  });
});

async function bulkJob(db: Db, issued: Issued, emails: string[]) {
  const created = await createBulkJob(db, {
    issuerId: issued.issuer.id,
    templateId: issued.template.id,
    userId: null,
    fileName: 'cohort.csv',
    csv: `email,name\n${emails.map((e) => `${e},Ada Learner`).join('\n')}\n`,
  });
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  const [job] = await db
    .select({
      id: bulkJobs.id,
      issuerId: bulkJobs.issuerId,
      templateId: bulkJobs.templateId,
      createdAt: bulkJobs.createdAt,
    })
    .from(bulkJobs)
    .where(eq(bulkJobs.id, created.job.id));
  if (!job) throw new Error('no job');
  return job;
}
