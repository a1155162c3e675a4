import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Db, getDb } from '@/db/client';
import { outbox, userEmails, users } from '@/db/schema';
import { acceptWithToken } from '@/lib/awards/claim';
import { makeAward, makeIssuer, makeUser, testConfig, uniqueEmail } from '@/test/factories';
import { hasAccount, verifyCredentials } from './credentials';
import { CONFIRM_FIRST } from './messages';
import { signUp } from './sign-up';
import { verifyEmailAddress } from './user-tokens';

const client = () => `client-${randomUUID()}`;
const SQUATTER_PASSWORD = 'i-do-not-own-this';

async function squat(db: Db, email: string) {
  await signUp({
    db,
    config: testConfig,
    name: 'Squatter',
    email,
    password: SQUATTER_PASSWORD,
    client: client(),
  });
  const [row] = await db.select().from(userEmails).where(eq(userEmails.email, email));
  if (!row) throw new Error('squat failed');
  return row.userId;
}

async function verifyTokenFor(db: Db, email: string) {
  const [row] = await db
    .select({ payload: outbox.payload })
    .from(outbox)
    .where(sql`${outbox.payload}->>'to' = ${email} and ${outbox.payload}->>'subject' like 'Confirm%'`)
    .orderBy(outbox.createdAt)
    .limit(1);
  return row?.payload.text.match(/\/verify-email\/([A-Za-z0-9_-]{43})/)?.[1] ?? '';
}

const userExists = async (db: Db, id: string) =>
  (await db.select().from(users).where(eq(users.id, id))).length > 0;

describe('an address held by an unconfirmed account', () => {
  it('cannot be used to sign in, and does not count as having an account', async () => {
    const db = await getDb();
    const email = uniqueEmail('victim');
    await squat(db, email);
    await expect(
      verifyCredentials(db, { email, password: SQUATTER_PASSWORD, client: client() }),
    ).rejects.toMatchObject({ code: 'forbidden', message: CONFIRM_FIRST });
    expect(await hasAccount(db, email)).toBe(false);
  });

  it("goes to the owner's sign-up; the squatter's account and its old link are gone", async () => {
    const db = await getDb();
    const email = uniqueEmail('victim');
    const squatter = await squat(db, email);
    const squatterLink = await verifyTokenFor(db, email);

    const result = await signUp({
      db,
      config: testConfig,
      name: 'Owner',
      email,
      password: 'the owners password',
      client: client(),
    });
    expect(result).toEqual({ status: 'check_email', email });
    const [holder] = await db.select().from(userEmails).where(eq(userEmails.email, email));
    expect(holder?.userId).not.toBe(squatter);
    expect(await userExists(db, squatter)).toBe(false);
    await expect(verifyEmailAddress(db, squatterLink)).rejects.toMatchObject({ code: 'invalid' });
  });

  it('goes to the owner who signs up from a claim link, verified, and the badge can be accepted', async () => {
    const db = await getDb();
    const { award, token } = await makeAward(db, await makeIssuer(db));
    const squatter = await squat(db, award.recipientEmail);
    const result = await signUp({
      db,
      config: testConfig,
      name: 'Owner',
      email: award.recipientEmail,
      password: 'the owners password',
      client: client(),
      claimToken: token,
    });
    expect(result.status).toBe('created');
    const owner = await verifyCredentials(db, {
      email: award.recipientEmail,
      password: 'the owners password',
      client: client(),
    });
    expect(owner).not.toBeNull();
    expect(await userExists(db, squatter)).toBe(false);
    const accepted = await acceptWithToken(db, { token, userId: owner?.id ?? '' });
    expect(accepted.userId).toBe(owner?.id);
  });

  it('moves to an existing account that accepts a claim link for it', async () => {
    const db = await getDb();
    const { award, token } = await makeAward(db, await makeIssuer(db));
    const squatter = await squat(db, award.recipientEmail);
    const { user: owner } = await makeUser(db);
    await acceptWithToken(db, { token, userId: owner.id });
    const [holder] = await db.select().from(userEmails).where(eq(userEmails.email, award.recipientEmail));
    expect(holder).toMatchObject({ userId: owner.id, verifiedAt: expect.any(Date) });
    expect(await userExists(db, squatter)).toBe(false);
  });

  it('a confirmed address is never moved by a claim link', async () => {
    const db = await getDb();
    const { award, token } = await makeAward(db, await makeIssuer(db));
    const { user: holder } = await makeUser(db, { email: award.recipientEmail });
    const { user: other } = await makeUser(db);
    await expect(acceptWithToken(db, { token, userId: other.id })).rejects.toMatchObject({
      code: 'conflict',
    });
    const [row] = await db.select().from(userEmails).where(eq(userEmails.email, award.recipientEmail));
    expect(row?.userId).toBe(holder.id);
  });
});
