import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { type EmailMessage, outbox } from '@/db/schema';
import { uniqueEmail } from '@/test/factories';
import { type FakeResend, startFakeResend } from '@/test/fake-resend';
import { withOwnDatabase } from '@/test/own-database';
import { forgetCapturedBodies, listCapturedEmails } from './mailbox';
import { backoffSeconds, deliverDueEmails, enqueueEmail, MAX_ATTEMPTS } from './outbox';
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
async function startProvider(options: { failFirst?: number } = {}) {
  const fake = await startFakeResend(options);
  fakes.push(fake);
  process.env.RESEND_BASE_URL = fake.url;
  const send = createResendSender({ apiKey: 're_test_key', from: FROM });
  return { fake, send, receivedBy: (to: string) => fake.emails.filter((email) => email.to.includes(to)) };
}

/** Delivers until nothing is due; on PostgreSQL, rows queued by other test files may come first. */
async function deliverAll(send: EmailSender, batchSize?: number) {
  const db = await getDb();
  for (let run = 0; run < 100; run++) {
    if ((await deliverDueEmails({ db, send, batchSize })).claimed === 0) return;
  }
  throw new Error('the outbox never drained');
}

async function readRow(id: string) {
  const [row] = await (await getDb()).select().from(outbox).where(eq(outbox.id, id));
  if (!row) throw new Error(`no outbox row ${id}`);
  return row;
}

async function makeDue(id: string) {
  await (await getDb()).update(outbox).set({ nextAttemptAt: sql`now()` }).where(eq(outbox.id, id));
}

describe('deliverDueEmails', () => {
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
      lockedUntil: null,
    });
    expect(row.sentAt).toBeInstanceOf(Date);
    // The link in the body is live: once the provider has the message, only its envelope stays.
    expect(row.payload).toEqual({ to, subject: message(to).subject, html: '', text: '' });

    await deliverAll(send);
    expect(receivedBy(to)).toHaveLength(1);
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
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lockedUntil: null });
    expect(row.lastError).toContain('Something went wrong');
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 5_000);

    await makeDue(id);
    await deliverAll(send);
    row = await readRow(id);
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 15_000);

    await makeDue(id);
    await deliverAll(send);
    row = await readRow(id);
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

    // The worker died after the provider accepted the email but before it recorded the outcome.
    await db
      .update(outbox)
      .set({
        status: 'sending',
        providerId: null,
        sentAt: null,
        payload: message(to),
        lockedUntil: sql`now() - interval '1 minute'`,
      })
      .where(eq(outbox.id, id));
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

    await Promise.all([deliverAll(send, 10), deliverAll(send, 10), deliverAll(send, 10)]);

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

describe('backoffSeconds', () => {
  it('doubles from ten seconds and is capped at an hour', () => {
    expect([1, 2, 3, 4].map(backoffSeconds)).toEqual([10, 20, 40, 80]);
    const delays = Array.from({ length: 30 }, (_, i) => backoffSeconds(i + 1));
    for (const [i, delay] of delays.entries()) expect(delay).toBeGreaterThanOrEqual(delays[i - 1] ?? 0);
    expect(backoffSeconds(MAX_ATTEMPTS)).toBeLessThanOrEqual(3600);
    expect(backoffSeconds(30)).toBe(3600);
  });
});
