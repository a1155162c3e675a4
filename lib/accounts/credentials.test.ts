import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Db, getDb } from '@/db/client';
import { signInFailures, userEmails } from '@/db/schema';
import { clientKeyFrom, SOCKET_ADDRESS_HEADER } from '@/lib/auth/client-key';
import { AppError } from '@/lib/errors';
import { makeUser, uniqueEmail } from '@/test/factories';
import { verifyCredentials } from './credentials';
import { CONFIRM_FIRST } from './messages';
import { CLIENT_LIMIT, delayMinutesAfter, FREE_FAILURES } from './rate-limit';

const newClient = () => `client-${randomUUID()}`;

async function fail(db: Db, input: { email: string; client: string }, times: number) {
  for (let i = 0; i < times; i += 1) {
    expect(await verifyCredentials(db, { ...input, password: 'not the password' })).toBeNull();
  }
}

async function rejection(attempt: Promise<unknown>, code: AppError['code']): Promise<AppError> {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code });
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

  it('refuses an unconfirmed address, saying so only for the right password', async () => {
    const db = await getDb();
    const { email, password } = await makeUser(db, { isVerified: false });
    const error = await rejection(
      verifyCredentials(db, { email, password, client: newClient() }),
      'forbidden',
    );
    expect(error.message).toBe(CONFIRM_FIRST);
    expect(await verifyCredentials(db, { email, password: 'a wrong guess', client: newClient() })).toBeNull();
  });

  it('makes one client wait longer after each further failure on an account, from a minute up', async () => {
    const db = await getDb();
    const { email, password } = await makeUser(db);
    const client = newClient();
    await fail(db, { email, client }, FREE_FAILURES + 1);
    const error = await rejection(verifyCredentials(db, { email, password, client }), 'rate_limited');
    expect(error.message).toBe('Too many failed sign-in attempts. Try again in 1 minute.');
    expect(error.details?.retryAfterSeconds).toBeGreaterThan(50);
    expect([5, 6, 7, 8, 9, 20].map(delayMinutesAfter)).toEqual([1, 2, 4, 8, 15, 15]);
  });

  it('a spray with spoofed X-Forwarded-For cannot dodge the limit, and cannot lock the owner out', async () => {
    const db = await getDb();
    const { user, email, password } = await makeUser(db);
    const attacker = '198.51.100.66';
    // Every request claims to come from somewhere new; the socket address is the attacker's.
    const fromAttacker = () =>
      clientKeyFrom(
        new Headers({
          'x-forwarded-for': `10.${randomUUID().slice(0, 3)}`,
          [SOCKET_ADDRESS_HEADER]: attacker,
        }),
        0,
      );
    for (let i = 0; i <= FREE_FAILURES; i += 1) {
      expect(
        await verifyCredentials(db, { email, password: `guess-${i}`, client: fromAttacker() }),
      ).toBeNull();
    }
    await rejection(
      verifyCredentials(db, { email, password: 'guess-next', client: fromAttacker() }),
      'rate_limited',
    );
    // The owner, on their own connection, is not affected.
    const owner = clientKeyFrom(new Headers({ [SOCKET_ADDRESS_HEADER]: '192.0.2.10' }), 0);
    expect(await verifyCredentials(db, { email, password, client: owner })).toMatchObject({ id: user.id });
  });

  it('stops a client that sprays many accounts, for any account', async () => {
    const db = await getDb();
    const client = newClient();
    for (let i = 0; i < CLIENT_LIMIT; i += 1) await fail(db, { email: uniqueEmail('target'), client }, 1);
    const { user, email, password } = await makeUser(db);
    await rejection(verifyCredentials(db, { email, password, client }), 'rate_limited');
    expect(await verifyCredentials(db, { email, password, client: newClient() })).toMatchObject({
      id: user.id,
    });
  });

  it("a successful sign-in clears that client's failures on the account", async () => {
    const db = await getDb();
    const { user, email, password } = await makeUser(db);
    const client = newClient();
    await fail(db, { email, client }, FREE_FAILURES);
    expect(await verifyCredentials(db, { email, password, client })).toMatchObject({ id: user.id });
    expect(
      await db
        .select()
        .from(signInFailures)
        .where(eq(signInFailures.key, `pair:${client}|${email}`)),
    ).toEqual([]);
    await fail(db, { email, client }, FREE_FAILURES);
    expect(await verifyCredentials(db, { email, password, client })).toMatchObject({ id: user.id });
  });
});
