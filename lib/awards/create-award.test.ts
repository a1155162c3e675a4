import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { awards, outbox } from '@/db/schema';
import { makeIssuer, testConfig, uniqueEmail } from '@/test/factories';
import { awardInputSchema } from './award-input';
import { createAward } from './create-award';

async function emailsTo(email: string) {
  const db = await getDb();
  return db.select().from(outbox).where(sql`${outbox.payload}->>'to' = ${email}`);
}

describe('createAward', () => {
  it('writes the award, its claim email and takes expiry from the template', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db, { validityDays: 10 });
    const email = uniqueEmail();
    const input = awardInputSchema.parse({
      templateId: issued.template.id,
      recipient: { email, name: 'Ada' },
    });
    const { award } = await createAward({ db, config: testConfig, issuer: issued.issuer, input });
    expect(award.state).toBe('pending');
    expect(award.expiresAt?.getTime()).toBe(award.issuedAt.getTime() + 10 * 86_400_000);
    expect(award.recipientSalt).toMatch(/^[0-9a-f]{32}$/);
    const mail = await emailsTo(email);
    expect(mail).toHaveLength(1);
    expect(mail[0]?.status).toBe('pending');
    expect(mail[0]?.payload.subject).toBe(
      `You've earned the Linux Fundamentals badge from ${issued.issuer.name}`,
    );
  });

  it('concurrent requests with one idempotency key create one award and one email', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const email = uniqueEmail();
    const input = awardInputSchema.parse({
      templateId: issued.template.id,
      recipient: { email, name: 'Ada' },
    });
    const run = () =>
      createAward({ db, config: testConfig, issuer: issued.issuer, input, idempotencyKey: 'k-1' });
    const results = await Promise.all([run(), run(), run()]);
    expect(new Set(results.map((r) => r.award.id)).size).toBe(1);
    expect(results.filter((r) => !r.isReplay)).toHaveLength(1);
    expect(await emailsTo(email)).toHaveLength(1);
  });

  it('refuses a reused key with a different request, and another issuer may use the same key', async () => {
    const db = await getDb();
    const a = await makeIssuer(db);
    const b = await makeIssuer(db);
    const parse = (templateId: string, email: string) =>
      awardInputSchema.parse({ templateId, recipient: { email, name: 'Ada' } });
    await createAward({
      db,
      config: testConfig,
      issuer: a.issuer,
      input: parse(a.template.id, uniqueEmail()),
      idempotencyKey: 'shared',
    });
    await expect(
      createAward({
        db,
        config: testConfig,
        issuer: a.issuer,
        input: parse(a.template.id, uniqueEmail()),
        idempotencyKey: 'shared',
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const other = await createAward({
      db,
      config: testConfig,
      issuer: b.issuer,
      input: parse(b.template.id, uniqueEmail()),
      idempotencyKey: 'shared',
    });
    expect(other.isReplay).toBe(false);
  });

  it("writes nothing for another issuer's template", async () => {
    const db = await getDb();
    const a = await makeIssuer(db);
    const b = await makeIssuer(db);
    const email = uniqueEmail();
    const input = awardInputSchema.parse({ templateId: b.template.id, recipient: { email, name: 'Ada' } });
    await expect(createAward({ db, config: testConfig, issuer: a.issuer, input })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await db.select().from(awards).where(eq(awards.recipientEmail, email))).toEqual([]);
    expect(await emailsTo(email)).toEqual([]);
  });

  it('captures mail instead of sending it in demo mode', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const email = uniqueEmail();
    const input = awardInputSchema.parse({
      templateId: issued.template.id,
      recipient: { email, name: 'Ada' },
    });
    await createAward({ db, config: { ...testConfig, isDemoMode: true }, issuer: issued.issuer, input });
    expect((await emailsTo(email)).map((m) => m.status)).toEqual(['captured']);
  });
});
