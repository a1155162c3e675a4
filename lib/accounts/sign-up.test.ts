import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Db, getDb } from '@/db/client';
import { outbox, userEmails, users } from '@/db/schema';
import { makeAward, makeIssuer, testConfig, uniqueEmail } from '@/test/factories';
import { signUp } from './sign-up';
import { verifyEmailAddress } from './user-tokens';

const PASSWORD = 'correct horse battery';

function mailTo(db: Db, email: string) {
  return db.select({ payload: outbox.payload }).from(outbox).where(sql`${outbox.payload}->>'to' = ${email}`);
}

async function addressOf(db: Db, email: string) {
  const [row] = await db.select().from(userEmails).where(eq(userEmails.email, email));
  return row;
}

describe('signUp', () => {
  it('without a claim link: unverified address, argon2id hash, one confirmation email whose link verifies once', async () => {
    const db = await getDb();
    const email = uniqueEmail('signup');
    const { user, isVerified } = await signUp({
      db,
      config: testConfig,
      name: ' Ada ',
      email,
      password: PASSWORD,
    });
    expect(isVerified).toBe(false);
    expect(user.name).toBe('Ada');

    const address = await addressOf(db, email);
    expect(address).toMatchObject({ userId: user.id, isPrimary: true, verifiedAt: null });
    const [stored] = await db
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, user.id));
    expect(stored?.passwordHash.startsWith('$argon2id$')).toBe(true);
    expect(stored?.passwordHash).not.toContain(PASSWORD);

    const mail = await mailTo(db, email);
    expect(mail).toHaveLength(1);
    expect(mail[0]?.payload.to).toBe(email);
    const token = mail[0]?.payload.text.match(/\/verify-email\/([A-Za-z0-9_-]{43})/)?.[1];
    expect(token).toBeDefined();
    expect(mail[0]?.payload.text).toContain(`${testConfig.appUrl}/verify-email/${token}`);

    expect(await verifyEmailAddress(db, token ?? '')).toEqual({ email });
    expect((await addressOf(db, email))?.verifiedAt).toBeInstanceOf(Date);
    await expect(verifyEmailAddress(db, token ?? '')).rejects.toMatchObject({
      name: 'AppError',
      code: 'invalid',
    });
  });

  it('with a live claim link for the same address: verified at once, no confirmation email', async () => {
    const db = await getDb();
    const { award, token } = await makeAward(db, await makeIssuer(db));
    const email = award.recipientEmail;
    const before = await mailTo(db, email);
    const result = await signUp({
      db,
      config: testConfig,
      name: 'Ada',
      email,
      password: PASSWORD,
      claimToken: token,
    });
    expect(result.isVerified).toBe(true);
    expect((await addressOf(db, email))?.verifiedAt).toBeInstanceOf(Date);
    expect(await mailTo(db, email)).toHaveLength(before.length);
  });

  it('with a claim link for a different address: not verified, confirmation email sent', async () => {
    const db = await getDb();
    const { token } = await makeAward(db, await makeIssuer(db));
    const email = uniqueEmail('other');
    const result = await signUp({
      db,
      config: testConfig,
      name: 'Ada',
      email,
      password: PASSWORD,
      claimToken: token,
    });
    expect(result.isVerified).toBe(false);
    expect((await addressOf(db, email))?.verifiedAt).toBeNull();
    expect(await mailTo(db, email)).toHaveLength(1);
  });

  it('refuses an address that already has an account, whatever its case', async () => {
    const db = await getDb();
    const id = randomUUID().slice(0, 8);
    await signUp({ db, config: testConfig, name: 'First', email: `Foo-${id}@X.test`, password: PASSWORD });
    const attempt = signUp({
      db,
      config: testConfig,
      name: 'Second',
      email: `foo-${id}@x.test`,
      password: PASSWORD,
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'conflict',
      details: { fieldErrors: { email: [expect.stringMatching(/already exists/)] } },
    });
    const taken = await db
      .select()
      .from(userEmails)
      .where(eq(userEmails.email, `foo-${id}@x.test`));
    expect(taken).toHaveLength(1);
  });
});
