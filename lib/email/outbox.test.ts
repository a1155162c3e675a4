import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb, rowsOf } from '@/db/client';
import { type EmailMessage, outbox } from '@/db/schema';
import { enqueueJobs } from '@/lib/queue/enqueue';
import { uniqueEmail } from '@/test/factories';
import { type FakeResend, startFakeResend } from '@/test/fake-resend';
import { jobFor, retriesDueNow, runJobs, runJobsOnce } from '@/test/jobs';
import { withOwnDatabase } from '@/test/own-database';
import { forgetCapturedBodies, listCapturedEmails } from './mailbox';
import { deliverEmail, enqueueEmail } from './outbox';
import { createResendSender, type EmailSender } from './send-email';

const FROM = 'Laurel <badges@laurel.test>';
const message = (to: string): EmailMessage => ({
  to,
  subject: 'You have earned a badge',
  html: '<p>Claim it at <a href="https://laurel.test/claim/abc">laurel.test</a></p>',
  text: 'Claim it at https://laurel.test/claim/abc',
});

// Delivery sends (and empties) every due row, and the demo-mail test forgets every captured body:
// other files read claim links from their own queued rows, so this file works on its own database.
withOwnDatabase({ label: 'outbox' });

const originalBaseUrl = process.env.RESEND_BASE_URL;
const fakes: FakeResend[] = [];

afterEach(async () => {
  if (originalBaseUrl === undefined) delete process.env.RESEND_BASE_URL;
  else process.env.RESEND_BASE_URL = originalBaseUrl;
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
});

/**
 * A fresh fake provider and a Resend sender pointed at it. The sender builds its SDK client on
 * the first send, so RESEND_BASE_URL stays set until afterEach.
 */
async function startProvider(
  options: {
    failFirst?: number;
    dropAnswerOfFirst?: number;
    holdAnswerOfFirst?: number;
    timeoutMs?: number;
  } = {},
) {
  const fake = await startFakeResend(options);
  fakes.push(fake);
  process.env.RESEND_BASE_URL = fake.url;
  const send = createResendSender({ apiKey: 're_test_key', from: FROM, timeoutMs: options.timeoutMs });
  return { fake, send, receivedBy: (to: string) => fake.emails.filter((email) => email.to.includes(to)) };
}

/** Delivers until nothing is due; this file has its own database, so every job is its own. */
const deliverAll = (send: EmailSender) => runJobs(['email'], { send });

async function readRow(id: string) {
  const [row] = await (await getDb()).select().from(outbox).where(eq(outbox.id, id));
  if (!row) throw new Error(`no outbox row ${id}`);
  return row;
}

describe('email jobs', () => {
  it('sends a queued email once, with html and text, and records the provider id', async () => {
    const db = await getDb();
    const { send, receivedBy } = await startProvider();
    const to = uniqueEmail();
    const id = await db.transaction((tx) => enqueueEmail(tx, { message: message(to), isDemoMode: false }));

    await deliverAll(send);

    const [email, ...extra] = receivedBy(to);
    expect(extra).toEqual([]);
    expect(email).toMatchObject({ ...message(to), to: [to], from: FROM, idempotencyKey: id });
    const row = await readRow(id);
    expect(row).toMatchObject({
      status: 'sent',
      providerId: email?.id,
      attempts: 1,
      lastError: null,
    });
    expect(await jobFor('email', id)).toMatchObject({ state: 'completed' });
    expect(row.sentAt).toBeInstanceOf(Date);
    // The link in the body is live: once the provider has the message, only its envelope stays.
    expect(row.payload).toEqual({ to, subject: message(to).subject, html: '', text: '' });

    await deliverAll(send);
    expect(receivedBy(to)).toHaveLength(1);
  });

  it('asks again at once when a send got no answer, and the provider keeps it to one email', async () => {
    const db = await getDb();
    // The provider takes the message, but the connection drops before its answer arrives.
    const { fake, send, receivedBy } = await startProvider({ dropAnswerOfFirst: 1 });
    const to = uniqueEmail();
    const id = await db.transaction((tx) => enqueueEmail(tx, { message: message(to), isDemoMode: false }));

    await deliverAll(send);

    expect(fake.requests).toBe(2);
    expect(receivedBy(to)).toHaveLength(1);
    expect(await readRow(id)).toMatchObject({
      status: 'sent',
      attempts: 1,
      providerId: receivedBy(to)[0]?.id,
    });
  });

  it('leaves a second lost answer in a row to the queue’s backoff', async () => {
    const { fake, send } = await startProvider({ dropAnswerOfFirst: 2 });
    const result = await send(message(uniqueEmail()), 'key-lost-twice');
    expect(result).toMatchObject({ ok: false, isRetryable: true });
    expect(fake.requests).toBe(2);
  });

  it('stops waiting for a provider that does not answer, and leaves the message to a retry', async () => {
    const { fake, send } = await startProvider({ holdAnswerOfFirst: 2, timeoutMs: 300 });
    const start = performance.now();
    const result = await send(message(uniqueEmail()), 'key-held');
    expect(result).toMatchObject({ ok: false, isRetryable: true });
    expect(fake.requests).toBe(2);
    expect(performance.now() - start).toBeLessThan(2_000);
  });

  it('changes nothing when an attempt ends after a later one took the message', async () => {
    const db = await getDb();
    const outcomes = [
      { ok: true as const, providerId: 'late-id' },
      { ok: false as const, error: 'validation_error: late', isRetryable: false },
      { ok: false as const, error: 'application_error: late', isRetryable: true },
    ];
    for (const outcome of outcomes) {
      const to = uniqueEmail();
      const id = await db.transaction((tx) => enqueueEmail(tx, { message: message(to), isDemoMode: false }));
      // While this attempt waits on the provider, its lease runs out and another attempt takes the row.
      const late: EmailSender = async () => {
        await db
          .update(outbox)
          .set({ attempts: sql`${outbox.attempts} + 1` })
          .where(eq(outbox.id, id));
        return outcome;
      };
      await deliverEmail({ db, send: late, outboxId: id, isLastAttempt: false }).catch(() => undefined);
      expect(await readRow(id), JSON.stringify(outcome)).toMatchObject({ status: 'sending', attempts: 2 });
    }
  });

  it('keeps a failed job’s reason in the queue without the values of a failed query', async () => {
    const db = await getDb();
    const to = uniqueEmail('private');
    const id = await db.transaction((tx) => enqueueEmail(tx, { message: message(to), isDemoMode: false }));
    const failing: EmailSender = async () => {
      throw new Error(`Failed query: select 1 where email = $1\nparams: ${to}`);
    };

    await runJobsOnce('email', { send: failing });

    const [job] = rowsOf<{ output: { message?: string } }>(
      await db.execute(sql`select output from pgboss.job where name = 'email' and id = ${id}`),
    );
    expect(job?.output.message).toContain('Failed query: select 1');
    expect(JSON.stringify(job?.output)).not.toContain(to);
  });

  it('gives up on a message the provider refuses for good, and keeps no body', async () => {
    const db = await getDb();
    const { send } = await startProvider();
    // The fake answers a message without a recipient as Resend does: missing_required_field.
    const to = '';
    const id = await enqueueEmail(db, { message: message(to), isDemoMode: false });

    await deliverAll(send);

    const row = await readRow(id);
    expect(row).toMatchObject({ status: 'failed', attempts: 1, sentAt: null });
    expect(row.lastError).toMatch(/missing_required_field/);
    expect(row.payload).toEqual({ to, subject: message(to).subject, html: '', text: '' });
    // Refused for good: the job is done, not retried.
    expect(await jobFor('email', id)).toMatchObject({ state: 'completed', retryCount: 0 });
  });

  it('queues nothing when the transaction that queued the email rolls back', async () => {
    const db = await getDb();
    const to = uniqueEmail();
    await expect(
      db.transaction(async (tx) => {
        await enqueueEmail(tx, { message: message(to), isDemoMode: false });
        throw new Error('award failed');
      }),
    ).rejects.toThrow('award failed');
    const rows = await db.select().from(outbox).where(sql`${outbox.payload}->>'to' = ${to}`);
    expect(rows).toEqual([]);
    // Nor a job: none points at a message that does not exist.
    const jobs = await db.execute(
      sql`select 1 from pgboss.job j where name = 'email' and not exists (select 1 from outbox o where o.id = j.id)`,
    );
    expect(rowsOf(jobs)).toHaveLength(0);
  });

  it('queues one email job per message, in the same transaction, under the message id', async () => {
    const db = await getDb();
    const to = uniqueEmail();
    const id = await db.transaction((tx) => enqueueEmail(tx, { message: message(to), isDemoMode: false }));
    expect(await jobFor('email', id)).toMatchObject({ state: 'created', retryCount: 0 });
    // Queuing the same message again (the upkeep's sweep) does not make a second job.
    await enqueueJobs(db, 'email', [{ outboxId: id }]);
    const jobs = await db.execute(sql`select 1 from pgboss.job where name = 'email' and id = ${id}`);
    expect(rowsOf(jobs)).toHaveLength(1);
  });

  it('retries a provider failure with backoff and sends exactly one email', async () => {
    const db = await getDb();
    const { fake, send: sendThroughFake } = await startProvider({ failFirst: 2 });
    const to = uniqueEmail();
    // Other test files' rows go elsewhere, so the two failures land on this message.
    const send: EmailSender = (msg, key) =>
      msg.to === to ? sendThroughFake(msg, key) : Promise.resolve({ ok: true, providerId: 'other-test' });
    const id = await enqueueEmail(db, { message: message(to), isDemoMode: false });

    await deliverAll(send);
    let row = await readRow(id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.lastError).toContain('Something went wrong');
    // The queue's backoff: 10 s doubling, with jitter up to twice that (the count goes up when taken).
    let job = await jobFor('email', id);
    expect(job).toMatchObject({ state: 'retry', retryCount: 0 });
    expect(job?.startAfter.getTime()).toBeGreaterThan(Date.now() + 8_000);

    await retriesDueNow('email');
    await deliverAll(send);
    row = await readRow(id);
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    job = await jobFor('email', id);
    expect(job).toMatchObject({ state: 'retry', retryCount: 1 });
    expect(job?.startAfter.getTime()).toBeGreaterThan(Date.now() + 18_000);

    await retriesDueNow('email');
    await deliverAll(send);
    row = await readRow(id);
    expect(await jobFor('email', id)).toMatchObject({ state: 'completed' });
    expect(fake.emails).toHaveLength(1);
    expect(fake.requests).toBe(3);
    expect(row).toMatchObject({
      status: 'sent',
      attempts: 3,
      lastError: null,
      providerId: fake.emails[0]?.id,
    });
  });

  it('re-sends a message re-claimed after a crash mid-send under the same idempotency key', async () => {
    const db = await getDb();
    const { fake, send, receivedBy } = await startProvider();
    const to = uniqueEmail();
    const id = await enqueueEmail(db, { message: message(to), isDemoMode: false });
    await deliverAll(send);
    const { providerId } = await readRow(id);
    expect(providerId).toBeTruthy();

    // The worker died after the provider accepted the email but before it recorded the outcome:
    // the row still says sending, and the queue hands the job out again once its lease is over.
    await db
      .update(outbox)
      .set({ status: 'sending', providerId: null, sentAt: null, payload: message(to) })
      .where(eq(outbox.id, id));
    await db.execute(
      sql`update pgboss.job set state = 'retry', start_after = now() - interval '1 second' where name = 'email' and id = ${id}`,
    );
    const requestsBefore = fake.requests;
    await deliverAll(send);

    expect(fake.requests).toBeGreaterThan(requestsBefore);
    expect(receivedBy(to)).toHaveLength(1);
    expect(await readRow(id)).toMatchObject({ status: 'sent', attempts: 2, providerId });
  });

  it('delivers every email exactly once when three workers run at the same time', async () => {
    const db = await getDb();
    const { send, receivedBy } = await startProvider();
    const recipients = Array.from({ length: 30 }, () => uniqueEmail('concurrent'));
    const ids = await db.transaction((tx) =>
      Promise.all(recipients.map((to) => enqueueEmail(tx, { message: message(to), isDemoMode: false }))),
    );

    // Three workers taking batches side by side until the queue is empty.
    const worker = async () => {
      while ((await runJobsOnce('email', { send, batchSize: 4 })) > 0) {}
    };
    await Promise.all([worker(), worker(), worker()]);
    const received = recipients.flatMap(receivedBy);
    expect(received).toHaveLength(30);
    expect(new Set(received.map((email) => email.idempotencyKey))).toEqual(new Set(ids));
    const rows = await Promise.all(ids.map(readRow));
    expect(rows.every((row) => row.status === 'sent' && row.attempts === 1)).toBe(true);
  });
});

describe('demo mode', () => {
  it('captures email for the mailbox and never sends it', async () => {
    const db = await getDb();
    const { receivedBy, send } = await startProvider();
    const to = uniqueEmail();
    const id = await enqueueEmail(db, { message: message(to), isDemoMode: true });

    await deliverAll(send);

    expect(receivedBy(to)).toEqual([]);
    expect(await readRow(id)).toMatchObject({ status: 'captured', attempts: 0 });
    expect(await listCapturedEmails(db)).toContainEqual(
      expect.objectContaining({ id, payload: message(to) }),
    );
  });

  it('clears captured bodies once a provider is configured and the mailbox is gone', async () => {
    const db = await getDb();
    const to = uniqueEmail();
    // Rolled back, so other files' captured mail is untouched.
    const cleared = await db
      .transaction(async (tx) => {
        const id = await enqueueEmail(tx, { message: message(to), isDemoMode: true });
        await forgetCapturedBodies(tx);
        const [row] = await tx.select().from(outbox).where(eq(outbox.id, id));
        throw Object.assign(new Error('roll back'), { row });
      })
      .catch((error: { row?: unknown }) => error.row);
    expect(cleared).toMatchObject({
      status: 'captured',
      payload: { to, subject: message(to).subject, html: '', text: '' },
    });
  });
});
