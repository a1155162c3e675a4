import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Db, getDb } from '@/db/client';
import { signInFailures, userEmails } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { makeUser, uniqueEmail } from '@/test/factories';
import { verifyCredentials } from './credentials';
import { LIMITS, WINDOW_MINUTES } from './rate-limit';

const newClient = () => `client-${randomUUID()}`;

async function fail(db: Db, input: { email: string; client: string }, times: number) {
  for (let i = 0; i < times; i += 1) {
    expect(await verifyCredentials(db, { ...input, password: 'not the password' })).toBeNull();
  }
}

async function lockError(attempt: Promise<unknown>): Promise<AppError> {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code: 'rate_limited' });
  return error as AppError;
}

describe('verifyCredentials', () => {
  it('signs in with the right password, whatever the case of the address', async () => {
    const db = await getDb();
    const { user, email, password } = await makeUser(db);
    const signedIn = await verifyCredentials(db, {
      email: ` ${email.toUpperCase()} `,
      password,
      client: newClient(),
    });
    expect(signedIn).toEqual({ id: user.id, name: user.name, email });
  });

  it('signs in with a verified secondary address and reports the primary one', async () => {
    const db = await getDb();
    const { user, email, password } = await makeUser(db);
    const secondary = uniqueEmail('secondary');
    await db.insert(userEmails).values({ userId: user.id, email: secondary, verifiedAt: new Date() });
    const signedIn = await verifyCredentials(db, { email: secondary, password, client: newClient() });
    expect(signedIn).toEqual({ id: user.id, name: user.name, email });
  });

  it('returns null for a wrong password or an unknown address', async () => {
    const db = await getDb();
    const { email, password } = await makeUser(db);
    expect(await verifyCredentials(db, { email, password: `${password}!`, client: newClient() })).toBeNull();
    expect(
      await verifyCredentials(db, { email: uniqueEmail('nobody'), password, client: newClient() }),
    ).toBeNull();
  });

  it('locks an account after 5 failures, even for the right password and from another client', async () => {
    const db = await getDb();
    const { email, password } = await makeUser(db);
    const client = newClient();
    await fail(db, { email, client }, LIMITS.account);

    const error = await lockError(verifyCredentials(db, { email, password, client }));
    const minutes = Number(error.message.match(/Try again in (\d+) minutes?\b/)?.[1]);
    expect(minutes).toBeGreaterThanOrEqual(1);
    expect(minutes).toBeLessThanOrEqual(WINDOW_MINUTES);
    expect(error.details?.retryAfterSeconds).toBe(minutes * 60);

    await lockError(verifyCredentials(db, { email: email.toUpperCase(), password, client: newClient() }));
  });

  it('locks a client after 20 failures across accounts, for any account', async () => {
    const db = await getDb();
    const client = newClient();
    const perAccount = LIMITS.account - 1;
    for (let i = 0; i < LIMITS.client / perAccount; i += 1) {
      await fail(db, { email: uniqueEmail('target'), client }, perAccount);
    }
    const { user, email, password } = await makeUser(db);
    await lockError(verifyCredentials(db, { email, password, client }));
    // The account itself is not locked: the same password works from elsewhere.
    expect(await verifyCredentials(db, { email, password, client: newClient() })).toMatchObject({
      id: user.id,
    });
  });

  it("a successful sign-in clears the account's failures", async () => {
    const db = await getDb();
    const { user, email, password } = await makeUser(db);
    const client = newClient();
    await fail(db, { email, client }, LIMITS.account - 1);
    expect(await verifyCredentials(db, { email, password, client })).toMatchObject({ id: user.id });
    expect(
      await db
        .select()
        .from(signInFailures)
        .where(eq(signInFailures.key, `account:${email}`)),
    ).toEqual([]);

    await fail(db, { email, client: newClient() }, LIMITS.account - 1);
    expect(await verifyCredentials(db, { email, password, client: newClient() })).toMatchObject({
      id: user.id,
    });
  });
});
