import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { type Db, getDb } from '@/db/client';
import { bulkJobs, outbox, users, webhookDeliveries } from '@/db/schema';
import { acceptWithToken } from '@/lib/awards/claim';
import { resendClaim } from '@/lib/awards/resend-claim';
import { revokeAward } from '@/lib/awards/revoke-award';
import { createBulkJob } from '@/lib/bulk/jobs';
import { deliverEmail } from '@/lib/email/outbox';
import type { EmailSender } from '@/lib/email/send-email';
import { isAppError } from '@/lib/errors';
import { createSafePoster } from '@/lib/net/safe-post';
import { deliverWebhook } from '@/lib/webhooks/deliver';
import { createWebhookEndpoint, disableWebhookEndpoint } from '@/lib/webhooks/endpoints';
import { sendTestEvent } from '@/lib/webhooks/events';
import { makeAward, makeIssuer, makeUser, testConfig } from '@/test/factories';
import { jobFor } from '@/test/jobs';
import { countUndelivered, listUndelivered, retryFailedDelivery } from './dead-letter';

// A receiver that is down for good: every delivery to it fails with HTTP 500.
const down = createServer((_request, response) => response.writeHead(500).end());
await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
const downUrl = `http://127.0.0.1:${(down.address() as AddressInfo).port}/hooks`;
afterAll(() => new Promise<void>((resolve) => down.close(() => resolve())));

const post = createSafePoster({ allowHosts: ['127.0.0.1'] });
// The provider refusing a message outright (what Resend says of a bad recipient).
const refuse: EmailSender = async () => ({
  ok: false,
  error: 'The recipient address was refused.',
  isRetryable: false,
});

type Issued = Awaited<ReturnType<typeof makeIssuer>>;

/** An issuer with an endpoint at the receiver that is down. */
async function issuerWithEndpoint(db: Db) {
  const issued = await makeIssuer(db);
  const { endpoint } = await createWebhookEndpoint(db, {
    issuerId: issued.issuer.id,
    url: downUrl,
    allowHosts: ['127.0.0.1'],
  });
  return { issued, endpoint };
}

/** A test event whose delivery ran out of attempts: its last one answered 500. */
async function deadDelivery(db: Db, input: { issuerId: string; endpointId: string }) {
  const deliveryId = await sendTestEvent(db, input);
  expect(await deliverWebhook({ db, deliveryId, isLastAttempt: true, post })).toBe('failed');
  return deliveryId;
}

/** An award whose claim email the provider refused for good. */
async function awardWithDeadEmail(db: Db, issued: Issued, email?: string) {
  const made = await makeAward(db, issued, email ? { email } : {});
  await failEmailsOf(db, made.award.id);
  return made;
}

async function failEmailsOf(db: Db, awardId: string) {
  const rows = await db.select({ id: outbox.id }).from(outbox).where(eq(outbox.awardId, awardId));
  for (const row of rows) await deliverEmail({ db, send: refuse, outboxId: row.id, isLastAttempt: true });
}

/** A CSV upload that gave up (lib/bulk/run.ts marks it so after its last batch attempt). */
async function deadUpload(db: Db, issued: Issued, fileName = 'learners.csv') {
  const checked = await createBulkJob(db, {
    issuerId: issued.issuer.id,
    templateId: issued.template.id,
    userId: null,
    fileName,
    csv: 'email,name\nupload-learner@example.test,Upload Learner\n',
  });
  if (!checked.ok) throw new Error('the CSV was refused');
  await db
    .update(bulkJobs)
    .set({ status: 'failed', lastError: 'The awards table refused a row.' })
    .where(eq(bulkJobs.id, checked.job.id));
  return checked.job.id;
}

const admin = (issuerId: string) => ({ issuerId, includeDeliveries: true });

describe('the Undelivered list', () => {
  it("lists an issuer's failed deliveries, emails and uploads, and never another issuer's", async () => {
    const db = await getDb();
    const mine = await issuerWithEndpoint(db);
    const theirs = await issuerWithEndpoint(db);
    const deliveryId = await deadDelivery(db, {
      issuerId: mine.issued.issuer.id,
      endpointId: mine.endpoint.id,
    });
    const { award } = await awardWithDeadEmail(db, mine.issued);
    const uploadId = await deadUpload(db, mine.issued, 'spring-cohort.csv');
    // The other issuer has one of each too, and work that did not fail.
    await deadDelivery(db, { issuerId: theirs.issued.issuer.id, endpointId: theirs.endpoint.id });
    await awardWithDeadEmail(db, theirs.issued);
    await deadUpload(db, theirs.issued);
    await sendTestEvent(db, { issuerId: mine.issued.issuer.id, endpointId: mine.endpoint.id });
    await makeAward(db, mine.issued);

    const list = await listUndelivered(db, admin(mine.issued.issuer.id));
    expect(list.deliveries).toEqual({
      items: [
        expect.objectContaining({
          id: deliveryId,
          event: 'test',
          endpointUrl: downUrl,
          attempts: 1,
          lastStatusCode: 500,
          lastError: 'The endpoint answered HTTP 500.',
          lastAttemptAt: expect.any(Date),
        }),
      ],
      hasMore: false,
    });
    expect(list.emails.items).toEqual([
      expect.objectContaining({
        awardId: award.id,
        to: award.recipientEmail,
        subject: expect.stringContaining('earned'),
        lastError: 'The recipient address was refused.',
        isRevocationNotice: false,
      }),
    ]);
    // Recipient and subject, never the body (it held a claim link).
    expect(Object.keys(list.emails.items[0] ?? {})).not.toContain('payload');
    expect(list.uploads.items).toEqual([
      expect.objectContaining({
        id: uploadId,
        fileName: 'spring-cohort.csv',
        lastError: 'The awards table refused a row.',
      }),
    ]);
    expect(await countUndelivered(db, admin(mine.issued.issuer.id))).toEqual({ total: 3, isMore: false });
  });

  it('shows deliveries to admins only, and none of a disabled endpoint', async () => {
    const db = await getDb();
    const { issued, endpoint } = await issuerWithEndpoint(db);
    await deadDelivery(db, { issuerId: issued.issuer.id, endpointId: endpoint.id });
    await deadUpload(db, issued);
    const staff = { issuerId: issued.issuer.id, includeDeliveries: false };
    expect((await listUndelivered(db, staff)).deliveries.items).toEqual([]);
    expect(await countUndelivered(db, staff)).toEqual({ total: 1, isMore: false });

    await disableWebhookEndpoint(db, { issuerId: issued.issuer.id, endpointId: endpoint.id });
    expect((await listUndelivered(db, admin(issued.issuer.id))).deliveries.items).toEqual([]);
  });

  it('drops a failed claim email once a new link is sent or the award is settled; keeps a failed revocation notice', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const resent = await awardWithDeadEmail(db, issued);
    const accepted = await awardWithDeadEmail(db, issued);
    const revoked = await awardWithDeadEmail(db, issued);
    const ids = async () =>
      (await listUndelivered(db, admin(issued.issuer.id))).emails.items.map((e) => [
        e.awardId,
        e.isRevocationNotice,
      ]);
    expect(await ids()).toHaveLength(3);

    await resendClaim(db, { issuerId: issued.issuer.id, awardId: resent.award.id, config: testConfig });
    const { user } = await makeUser(db, { email: accepted.award.recipientEmail });
    await acceptWithToken(db, { token: accepted.token, userId: user.id, isPublic: false });
    await revokeAward(db, {
      issuerId: issued.issuer.id,
      awardId: revoked.award.id,
      reason: 'Issued in error.',
      notifyRecipient: true,
      config: testConfig,
    });
    expect(await ids()).toEqual([]);

    // The new link's email fails too, and so does the revocation notice: both are listed.
    await failEmailsOf(db, resent.award.id);
    await failEmailsOf(db, revoked.award.id);
    expect(await ids()).toEqual(
      expect.arrayContaining([
        [resent.award.id, false],
        [revoked.award.id, true],
      ]),
    );
    expect(await ids()).toHaveLength(2);
  });

  it('leaves out mail withheld because the learner opted out', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const { award } = await makeAward(db, issued);
    // The learner opts out after the award: delivery withholds the queued email.
    const { user } = await makeUser(db, { email: award.recipientEmail });
    await db.update(users).set({ optedOutAt: new Date() }).where(eq(users.id, user.id));
    await failEmailsOf(db, award.id);
    const [row] = await db.select().from(outbox).where(eq(outbox.awardId, award.id));
    expect(row?.status).toBe('failed');
    expect((await listUndelivered(db, admin(issued.issuer.id))).emails.items).toEqual([]);
  });

  it('lists the newest ones up to the limit and says there are more', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const uploads = [];
    for (const name of ['a.csv', 'b.csv', 'c.csv']) uploads.push(await deadUpload(db, issued, name));
    const list = await listUndelivered(db, { ...admin(issued.issuer.id), limit: 2 });
    expect(list.uploads.hasMore).toBe(true);
    expect(list.uploads.items.map((u) => u.fileName)).toEqual(['c.csv', 'b.csv']);
  });
});

describe('retrying a failed delivery', () => {
  it('queues it again with a fresh job, once', async () => {
    const db = await getDb();
    const { issued, endpoint } = await issuerWithEndpoint(db);
    const deliveryId = await deadDelivery(db, { issuerId: issued.issuer.id, endpointId: endpoint.id });
    // The queue's own job ran out of attempts too (the worker fails it after the handler settles).
    await db.execute(
      sql`update pgboss.job set state = 'failed' where name = 'webhook' and id = ${deliveryId}`,
    );
    expect(await retryFailedDelivery(db, { issuerId: issued.issuer.id, deliveryId })).toBe('queued');
    const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId));
    expect(row).toMatchObject({ status: 'pending', lastError: null });
    expect(await jobFor('webhook', deliveryId)).toMatchObject({ state: 'created', retryCount: 0 });
    expect((await listUndelivered(db, admin(issued.issuer.id))).deliveries.items).toEqual([]);
    // A second press (another tab, a double click) changes nothing and says so.
    expect(await retryFailedDelivery(db, { issuerId: issued.issuer.id, deliveryId })).toBe('already');
  });

  it("refuses another issuer's delivery and leaves it failed", async () => {
    const db = await getDb();
    const victim = await issuerWithEndpoint(db);
    const other = await issuerWithEndpoint(db);
    const deliveryId = await deadDelivery(db, {
      issuerId: victim.issued.issuer.id,
      endpointId: victim.endpoint.id,
    });
    for (const id of [deliveryId, randomUUID(), 'not-a-uuid']) {
      const refusal = await retryFailedDelivery(db, {
        issuerId: other.issued.issuer.id,
        deliveryId: id,
      }).catch((error: unknown) => error);
      expect(isAppError(refusal, 'not_found'), String(refusal)).toBe(true);
    }
    const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId));
    expect(row?.status).toBe('failed');
    expect((await listUndelivered(db, admin(victim.issued.issuer.id))).deliveries.items).toHaveLength(1);
  });

  it('refuses a delivery whose endpoint was disabled, saying why', async () => {
    const db = await getDb();
    const { issued, endpoint } = await issuerWithEndpoint(db);
    const deliveryId = await deadDelivery(db, { issuerId: issued.issuer.id, endpointId: endpoint.id });
    await disableWebhookEndpoint(db, { issuerId: issued.issuer.id, endpointId: endpoint.id });
    await expect(retryFailedDelivery(db, { issuerId: issued.issuer.id, deliveryId })).rejects.toThrow(
      'Its endpoint is disabled',
    );
  });
});
