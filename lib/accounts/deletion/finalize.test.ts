import { and, eq, inArray, isTable, sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { type Db, getDb, rowsOf } from '@/db/client';
import * as schema from '@/db/schema';
import { awardEvents, awards, userEmails, users, webhookDeliveries } from '@/db/schema';
import { decidePendingAward } from '@/lib/awards/claim';
import { listWallet } from '@/lib/awards/wallet';
import { createWebhookEndpoint } from '@/lib/webhooks/endpoints';
import { makeIssuer, makeUser } from '@/test/factories';
import { finalizeAccountDeletions, UNCLAIMED_DETAIL } from './finalize';
import { type Learner, learnerWithEverything, requestDeletion, requestedDaysAgo } from './test-support';

/** Every table the schema declares: a table added later is searched without touching this test. */
const TABLES = Object.values(schema as Record<string, unknown>)
  .filter((value): value is PgTable => isTable(value))
  .map((table) => getTableConfig(table).name);

/**
 * Where the award's recipient address and name may stay after the account is gone: the issuer's
 * own record of the award, its history, and the webhook the issuer is sent about it.
 */
const ISSUER_RECORD = ['awards', 'award_events', 'webhook_deliveries'];

/** The tables whose rows, read as text (every column, jsonb and bytea included), contain `needle`. */
async function tablesContaining(db: Db, needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const table of TABLES) {
    const t = sql.identifier(table);
    const [row] = rowsOf<{ n: number }>(
      await db.execute(
        sql`select count(*)::int as n from ${t} where strpos(lower(${t}::text), ${needle.toLowerCase()}) > 0`,
      ),
    );
    if ((row?.n ?? 0) > 0) found.push(table);
  }
  return found;
}

async function issuerWithEndpoint(db: Db) {
  const issued = await makeIssuer(db);
  const { endpoint } = await createWebhookEndpoint(db, {
    issuerId: issued.issuer.id,
    url: 'http://127.0.0.1:9/hooks',
    allowHosts: ['127.0.0.1'],
  });
  return { issued, endpoint };
}

const unclaimedDeliveries = (db: Db, endpointId: string) =>
  db
    .select({ body: webhookDeliveries.body })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.event, 'award.unclaimed')));

async function deletedLearner(db: Db, issued: Awaited<ReturnType<typeof makeIssuer>>, daysAgo: number) {
  const learner = await learnerWithEverything(db, issued);
  await requestDeletion(db, learner);
  await requestedDaysAgo(db, learner.user.id, daysAgo);
  return learner;
}

const userExists = async (db: Db, learner: Learner) =>
  (await db.select({ id: users.id }).from(users).where(eq(users.id, learner.user.id))).length === 1;

describe('the upkeep erasing accounts after the grace period', () => {
  it('unclaims the awards, tells the issuer once per award and leaves nothing of the person in any table', async () => {
    const db = await getDb();
    const { issued, endpoint } = await issuerWithEndpoint(db);
    const learner = await deletedLearner(db, issued, 8);
    const stillInGrace = await deletedLearner(db, issued, 6);

    expect((await finalizeAccountDeletions(db)).erased).toBeGreaterThanOrEqual(1);

    expect(await userExists(db, learner)).toBe(false);
    expect(await userExists(db, stillInGrace)).toBe(true);
    const after = await db.select().from(awards).where(inArray(awards.id, learner.awardIds));
    expect(after.map((a) => [a.state, a.userId, a.isPublic, a.decidedAt, a.viewCount])).toEqual([
      ['pending', null, true, null, 0],
      ['pending', null, true, null, 0],
    ]);
    // The issuer's record of each award stays as the issuer wrote it.
    expect(after.map((a) => [a.recipientEmail, a.recipientName])).toEqual([
      [learner.awardAddress, learner.recipientName],
      [learner.awardAddress, learner.recipientName],
    ]);
    const delivered = await unclaimedDeliveries(db, endpoint.id);
    const told = delivered.map((d) => (d.body.data as { award: { id: string; state: string } }).award);
    expect(told.map((a) => a.id).sort()).toEqual([...learner.awardIds].sort());
    expect(told.every((a) => a.state === 'pending')).toBe(true);
    const history = await db
      .select({ detail: awardEvents.detail })
      .from(awardEvents)
      .where(and(inArray(awardEvents.awardId, learner.awardIds), eq(awardEvents.kind, 'unclaimed')));
    expect(history).toEqual([{ detail: UNCLAIMED_DETAIL }, { detail: UNCLAIMED_DETAIL }]);

    // What belonged to the account only is nowhere.
    for (const needle of [
      learner.user.id,
      learner.email,
      learner.name,
      learner.handle,
      learner.photoImageId,
    ]) {
      expect(await tablesContaining(db, needle), needle).toEqual([]);
    }
    // What the issuer recorded stays in the issuer's record only (no mail to it, no address row).
    for (const needle of [learner.awardAddress, learner.recipientName]) {
      const tables = await tablesContaining(db, needle);
      expect(
        tables.filter((t) => !ISSUER_RECORD.includes(t)),
        needle,
      ).toEqual([]);
    }
    // The one still within its grace period keeps everything.
    expect(await tablesContaining(db, stillInGrace.email)).toContain('user_emails');

    // Running again does nothing more: no second webhook, nothing else erased.
    expect((await finalizeAccountDeletions(db)).erased).toBe(0);
    expect(await unclaimedDeliveries(db, endpoint.id)).toHaveLength(2);
    expect(await userExists(db, stillInGrace)).toBe(true);
  });

  it('an unclaimed award can be claimed again by whoever proves its address', async () => {
    const db = await getDb();
    const { issued } = await issuerWithEndpoint(db);
    const learner = await deletedLearner(db, issued, 8);
    await finalizeAccountDeletions(db);

    const { user } = await makeUser(db, { email: learner.awardAddress });
    const wallet = await listWallet(db, user.id);
    expect(wallet.map((b) => [b.id, b.state]).sort()).toEqual(
      learner.awardIds.map((id) => [id, 'pending']).sort(),
    );
    const [first] = learner.awardIds;
    await decidePendingAward(db, {
      awardId: first as string,
      userId: user.id,
      decision: 'accepted',
      isPublic: false,
    });
    const [row] = await db
      .select()
      .from(awards)
      .where(eq(awards.id, first as string));
    expect([row?.state, row?.userId, row?.isPublic]).toEqual(['accepted', user.id, false]);
  });

  it('two workers at once erase each account once and send each webhook once', async () => {
    const db = await getDb();
    const { issued, endpoint } = await issuerWithEndpoint(db);
    const learners = [await deletedLearner(db, issued, 9), await deletedLearner(db, issued, 10)];
    await Promise.all([
      finalizeAccountDeletions(db, { batchSize: 1 }),
      finalizeAccountDeletions(db, { batchSize: 1 }),
    ]);
    for (const learner of learners) expect(await userExists(db, learner)).toBe(false);
    expect(await unclaimedDeliveries(db, endpoint.id)).toHaveLength(4);
    const addresses = await db
      .select({ id: userEmails.id })
      .from(userEmails)
      .where(
        inArray(
          userEmails.email,
          learners.map((l) => l.email),
        ),
      );
    expect(addresses).toEqual([]);
  });

  it('is part of the hourly upkeep', async () => {
    const db = await getDb();
    const { issued } = await issuerWithEndpoint(db);
    const learner = await deletedLearner(db, issued, 8);
    const { runMaintenance } = await import('@/lib/queue/maintenance');
    const result = await runMaintenance(db);
    expect(result.deletedAccounts.erased).toBeGreaterThanOrEqual(1);
    expect(await userExists(db, learner)).toBe(false);
  });
});
