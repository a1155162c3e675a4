import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Db, getDb } from '@/db/client';
import { awards } from '@/db/schema';
import { REQUEST_LIMITS } from '@/lib/accounts/request-limits';
import { makeAward, makeIssuer, makeUser } from '@/test/factories';
import { checkAwardEmail } from './check-email';

async function publicAward(db: Db) {
  const { user, email } = await makeUser(db);
  const { award } = await makeAward(db, await makeIssuer(db), { email });
  await db.update(awards).set({ state: 'accepted', userId: user.id }).where(eq(awards.id, award.id));
  return { awardId: award.id, email };
}

describe('checking an email address against a public badge', () => {
  it('answers yes for the address it was awarded to (any case) and no for another', async () => {
    const db = await getDb();
    const { awardId, email } = await publicAward(db);
    const client = randomUUID();
    expect(await checkAwardEmail(db, { awardId, email, client })).toBe('match');
    expect(await checkAwardEmail(db, { awardId, email: ` ${email.toUpperCase()} `, client })).toBe('match');
    expect(await checkAwardEmail(db, { awardId, email: 'someone@example.test', client })).toBe('no_match');
  });

  it('says nothing about a private badge', async () => {
    const db = await getDb();
    const { awardId, email } = await publicAward(db);
    await db.update(awards).set({ isPublic: false }).where(eq(awards.id, awardId));
    expect(await checkAwardEmail(db, { awardId, email, client: randomUUID() })).toBe('not_found');
  });

  it('limits each client without affecting other clients', async () => {
    const db = await getDb();
    const { awardId, email } = await publicAward(db);
    const client = randomUUID();
    for (let i = 0; i < REQUEST_LIMITS.emailCheck.client.max; i++) {
      expect(await checkAwardEmail(db, { awardId, email, client })).toBe('match');
    }
    expect(await checkAwardEmail(db, { awardId, email, client })).toBe('rate_limited');
    expect(await checkAwardEmail(db, { awardId, email, client: randomUUID() })).toBe('match');
  });
});
