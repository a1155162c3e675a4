import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { awards, outbox } from '@/db/schema';
import { makeIssuer, testConfig, uniqueEmail } from '@/test/factories';
import { BULK_AWARD_MAX, bulkAwardEnvelopeSchema, bulkCreateAwards } from './bulk-create';

async function emailCount(email: string) {
  const db = await getDb();
  const rows = await db.select().from(outbox).where(sql`${outbox.payload}->>'to' = ${email}`);
  return rows.length;
}

describe('bulkCreateAwards', () => {
  it('creates each valid item and explains each bad one, in request order', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const theirs = await makeIssuer(db);
    const good = [uniqueEmail('a'), uniqueEmail('b')];
    const items = [
      { templateId: issued.template.id, recipient: { email: good[0], name: 'Ada' } },
      { templateId: issued.template.id, recipient: { email: 'nope', name: 'Bad' } },
      { templateId: theirs.template.id, recipient: { email: uniqueEmail('c'), name: 'Theirs' } },
      'not an object',
      { templateId: issued.template.id, recipient: { email: good[1], name: 'Bea' } },
    ];
    const results = await bulkCreateAwards({ db, config: testConfig, issuer: issued.issuer, items });

    expect(results.map((r) => [r.index, r.status])).toEqual([
      [0, 201],
      [1, 400],
      [2, 404],
      [3, 400],
      [4, 201],
    ]);
    expect(results[1]).toMatchObject({
      errors: { 'recipient.email': ['Enter an email address like name@example.com.'] },
    });
    expect(results[2]).toMatchObject({ errors: { templateId: [expect.any(String)] } });
    for (const email of good) expect(await emailCount(email)).toBe(1);
    const made = await db.select().from(awards).where(eq(awards.issuerId, issued.issuer.id));
    expect(made.map((a) => a.recipientEmail).sort()).toEqual([...good].sort());
  });

  it('retrying with the same Idempotency-Key replays created items and creates the rest', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const emails = [uniqueEmail('r1'), uniqueEmail('r2')];
    const items = emails.map((email) => ({
      templateId: issued.template.id,
      recipient: { email, name: 'R' },
    }));
    const first = await bulkCreateAwards({
      db,
      config: testConfig,
      issuer: issued.issuer,
      items: items.slice(0, 1),
      idempotencyKey: 'batch-1',
    });
    const retry = await bulkCreateAwards({
      db,
      config: testConfig,
      issuer: issued.issuer,
      items,
      idempotencyKey: 'batch-1',
    });
    expect(retry.map((r) => r.status)).toEqual([201, 201]);
    expect(retry[0]).toMatchObject({
      isReplay: true,
      award: { id: first[0]?.status === 201 ? first[0].award.id : '' },
    });
    expect(retry[1]).toMatchObject({ isReplay: false });
    for (const email of emails) expect(await emailCount(email)).toBe(1);

    // The same key with a different item at the same place is that item's conflict.
    const changed = [{ ...items[0], recipient: { email: uniqueEmail('x'), name: 'X' } }];
    const conflict = await bulkCreateAwards({
      db,
      config: testConfig,
      issuer: issued.issuer,
      items: changed,
      idempotencyKey: 'batch-1',
    });
    expect(conflict[0]).toMatchObject({ status: 409, detail: expect.stringMatching(/Idempotency-Key/) });
  });

  it('accepts up to 1,000 items and refuses more', async () => {
    const items = (n: number) => ({ awards: Array.from({ length: n }, () => ({})) });
    expect(bulkAwardEnvelopeSchema.safeParse(items(BULK_AWARD_MAX)).success).toBe(true);
    expect(bulkAwardEnvelopeSchema.safeParse(items(BULK_AWARD_MAX + 1)).success).toBe(false);
    expect(bulkAwardEnvelopeSchema.safeParse(items(0)).success).toBe(false);
  });

  it('awards 1,000 in one call', { timeout: 180_000 }, async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const tag = uniqueEmail('bulk').slice(5, 13);
    const items = Array.from({ length: BULK_AWARD_MAX }, (_, i) => ({
      templateId: issued.template.id,
      recipient: { email: `learner-${i}-${tag}@example.test`, name: `Learner ${i}` },
    }));
    const started = Date.now();
    const results = await bulkCreateAwards({ db, config: testConfig, issuer: issued.issuer, items });
    console.info(`[bulk] 1000 awards in ${Date.now() - started} ms`);
    expect(results.every((r, i) => r.status === 201 && r.index === i)).toBe(true);
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(awards)
      .where(eq(awards.issuerId, issued.issuer.id));
    expect(count?.n).toBe(BULK_AWARD_MAX);
  });
});
