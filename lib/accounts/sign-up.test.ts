import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Db, getDb } from '@/db/client';
import { outbox, userEmails, users } from '@/db/schema';
import { makeAward, makeIssuer, makeUser, testConfig, uniqueEmail } from '@/test/factories';
import { REQUEST_LIMITS } from './request-limits';
import { signUp } from './sign-up';
import { verifyEmailAddress } from './user-tokens';

const PASSWORD = 'correct horse battery';
const client = () => `client-${randomUUID()}`;
const base = (email: string) => ({
  db: undefined as unknown as Db,
  config: testConfig,
  name: 'Ada',
  email,
  password: PASSWORD,
  client: client(),
});

function mailTo(db: Db, email: string) {
  return db.select({ payload: outbox.payload }).from(outbox).where(sql`${outbox.payload}->>'to' = ${email}`);
}

async function addressOf(db: Db, email: string) {
  const [row] = await db.select().from(userEmails).where(eq(userEmails.email, email));
  return row;
}

describe('signUp', () => {
  it('without a claim link: "check your email", unverified address, argon2id hash, a confirmation link that verifies once', async () => {
    const db = await getDb();
    const email = uniqueEmail('signup');
    expect(await signUp({ ...base(email), db, name: ' Ada ' })).toEqual({ status: 'check_email', email });

    const address = await addressOf(db, email);
    expect(address).toMatchObject({ isPrimary: true, verifiedAt: null });
    const [stored] = await db
      .select()
      .from(users)
      .where(eq(users.id, address?.userId ?? ''));
    expect(stored?.name).toBe('Ada');
    expect(stored?.passwordHash.startsWith('$argon2id$')).toBe(true);

    const mail = await mailTo(db, email);
    expect(mail).toHaveLength(1);
    const token = mail[0]?.payload.text.match(/\/verify-email\/([A-Za-z0-9_-]{43})/)?.[1];
    expect(mail[0]?.payload.text).toContain(`${testConfig.appUrl}/verify-email/${token}`);
    expect(await verifyEmailAddress(db, token ?? '')).toEqual({ email });
    expect((await addressOf(db, email))?.verifiedAt).toBeInstanceOf(Date);
    await expect(verifyEmailAddress(db, token ?? '')).rejects.toMatchObject({ code: 'invalid' });
  });

  it('with a live claim link for the same address: created and verified at once, no confirmation email', async () => {
    const db = await getDb();
    const { award, token } = await makeAward(db, await makeIssuer(db));
    const email = award.recipientEmail;
    const before = await mailTo(db, email);
    expect(await signUp({ ...base(email), db, claimToken: token })).toEqual({ status: 'created', email });
    expect((await addressOf(db, email))?.verifiedAt).toBeInstanceOf(Date);
    expect(await mailTo(db, email)).toHaveLength(before.length);
  });

  it('with a claim link for a different address: the plain answer, confirmation email sent', async () => {
    const db = await getDb();
    const { token } = await makeAward(db, await makeIssuer(db));
    const email = uniqueEmail('other');
    expect(await signUp({ ...base(email), db, claimToken: token })).toEqual({ status: 'check_email', email });
    expect((await addressOf(db, email))?.verifiedAt).toBeNull();
    expect(await mailTo(db, email)).toHaveLength(1);
  });

  it('a registered address gets the same answer, and its owner an "already have an account" email', async () => {
    const db = await getDb();
    const { user, email } = await makeUser(db);
    const result = await signUp({ ...base(email.toUpperCase()), db, name: 'Intruder' });
    expect(result).toEqual({ status: 'check_email', email });
    const mail = await mailTo(db, email);
    expect(mail.map((m) => m.payload.subject)).toEqual(['You already have a Laurel account']);
    expect(mail[0]?.payload.text).toContain(`${testConfig.appUrl}/sign-in`);
    expect(mail[0]?.payload.text).toContain(`${testConfig.appUrl}/forgot-password`);
    expect(await addressOf(db, email)).toMatchObject({ userId: user.id });
  });

  it('a registered address with a claim link for it is told to sign in', async () => {
    const db = await getDb();
    const { award, token } = await makeAward(db, await makeIssuer(db));
    await makeUser(db, { email: award.recipientEmail });
    await expect(signUp({ ...base(award.recipientEmail), db, claimToken: token })).rejects.toMatchObject({
      code: 'conflict',
      details: { fieldErrors: { email: [expect.stringMatching(/already exists/)] } },
    });
  });

  it('limits sign-ups per address quietly and per client openly', async () => {
    const db = await getDb();
    const email = uniqueEmail('limited');
    const perAddress = REQUEST_LIMITS.signUp.target.max;
    for (let i = 0; i <= perAddress; i += 1) {
      expect(await signUp({ ...base(email), db })).toEqual({ status: 'check_email', email });
    }
    // The first created the account; the rest only mailed up to the limit.
    expect(await mailTo(db, email)).toHaveLength(perAddress);

    const busy = client();
    for (let i = 0; i < REQUEST_LIMITS.signUp.client.max; i += 1) {
      await signUp({ ...base(uniqueEmail('spray')), db, client: busy });
    }
    await expect(signUp({ ...base(uniqueEmail('spray')), db, client: busy })).rejects.toMatchObject({
      code: 'rate_limited',
    });
  });
});
