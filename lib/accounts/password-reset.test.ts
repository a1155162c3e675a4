import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Db, getDb } from '@/db/client';
import { outbox, userEmails, users, userTokens } from '@/db/schema';
import { liveSessionUser, startSession } from '@/lib/auth/sessions';
import { hashToken } from '@/lib/crypto/tokens';
import { makeUser, testConfig, uniqueEmail } from '@/test/factories';
import { verifyCredentials } from './credentials';
import { removeAccountEmail } from './user-emails';
import { requestPasswordReset, resetPassword } from './user-tokens';

const NEW_PASSWORD = 'a brand new passphrase';
const client = () => `client-${randomUUID()}`;

/** Reset links sent to this address, oldest first. */
async function resetTokens(db: Db, email: string) {
  const rows = await db
    .select({ payload: outbox.payload })
    .from(outbox)
    .where(sql`${outbox.payload}->>'to' = ${email}`)
    .orderBy(outbox.createdAt);
  return rows.map((r) => r.payload.text.match(/\/reset-password\/([A-Za-z0-9_-]{43})/)?.[1] ?? '');
}

describe('password reset', () => {
  it('for an unknown address queues nothing and does not say so', async () => {
    const db = await getDb();
    const email = uniqueEmail('nobody');
    await expect(requestPasswordReset(db, { config: testConfig, email })).resolves.toBeUndefined();
    expect(await resetTokens(db, email)).toEqual([]);
  });

  it('sets the new password, verifies the address and cannot be reused', async () => {
    const db = await getDb();
    const { user, email, password } = await makeUser(db, { isVerified: false });
    await db
      .update(users)
      .set({ passwordChangedAt: new Date(Date.now() - 60_000) })
      .where(eq(users.id, user.id));
    const [before] = await db.select().from(users).where(eq(users.id, user.id));

    await requestPasswordReset(db, { config: testConfig, email: ` ${email.toUpperCase()} ` });
    const tokens = await resetTokens(db, email);
    expect(tokens).toHaveLength(1);
    const token = tokens[0] ?? '';
    expect(token).toHaveLength(43);

    expect(await resetPassword(db, { token, password: NEW_PASSWORD })).toEqual({ userId: user.id, email });
    expect(await verifyCredentials(db, { email, password: NEW_PASSWORD, client: client() })).toMatchObject({
      id: user.id,
    });
    expect(await verifyCredentials(db, { email, password, client: client() })).toBeNull();

    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after?.passwordChangedAt.getTime()).toBeGreaterThan(
      before?.passwordChangedAt.getTime() ?? Infinity,
    );
    const [address] = await db.select().from(userEmails).where(eq(userEmails.email, email));
    expect(address?.verifiedAt).toBeInstanceOf(Date);

    await expect(resetPassword(db, { token, password: 'yet another passphrase' })).rejects.toMatchObject({
      code: 'invalid',
    });
    expect(await verifyCredentials(db, { email, password: NEW_PASSWORD, client: client() })).not.toBeNull();
  });

  it('using one link retires the other links sent earlier', async () => {
    const db = await getDb();
    const { email } = await makeUser(db);
    await requestPasswordReset(db, { config: testConfig, email });
    await requestPasswordReset(db, { config: testConfig, email });
    const [older, newer] = await resetTokens(db, email);
    expect(older).toBeTruthy();
    expect(newer).toBeTruthy();
    expect(older).not.toBe(newer);

    await resetPassword(db, { token: newer ?? '', password: NEW_PASSWORD });
    await expect(
      resetPassword(db, { token: older ?? '', password: 'an older passphrase' }),
    ).rejects.toMatchObject({
      code: 'invalid',
    });
    expect(await verifyCredentials(db, { email, password: NEW_PASSWORD, client: client() })).not.toBeNull();
  });

  it('refuses an expired link', async () => {
    const db = await getDb();
    const { email, password } = await makeUser(db);
    await requestPasswordReset(db, { config: testConfig, email });
    const [token = ''] = await resetTokens(db, email);
    await db
      .update(userTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(userTokens.tokenHash, hashToken(token)));

    await expect(resetPassword(db, { token, password: NEW_PASSWORD })).rejects.toMatchObject({
      code: 'invalid',
    });
    expect(await verifyCredentials(db, { email, password, client: client() })).not.toBeNull();
  });

  it('a link sent to an address the account no longer holds opens nothing', async () => {
    const db = await getDb();
    const { user, password } = await makeUser(db);
    const [removed, lost] = [uniqueEmail('old-work'), uniqueEmail('lost')];
    const added = await db
      .insert(userEmails)
      .values(
        [removed, lost].map((email) => ({
          userId: user.id,
          email,
          isPrimary: false,
          verifiedAt: new Date(),
        })),
      )
      .returning({ id: userEmails.id, email: userEmails.email });
    for (const email of [removed, lost]) await requestPasswordReset(db, { config: testConfig, email });
    const [removedToken = ''] = await resetTokens(db, removed);
    const [lostToken = ''] = await resetTokens(db, lost);

    // Removed in Settings: its links go with it.
    await removeAccountEmail({
      db,
      userId: user.id,
      emailId: added.find((a) => a.email === removed)?.id ?? '',
    });
    // Gone some other way: the link itself checks.
    await db.delete(userEmails).where(eq(userEmails.email, lost));

    for (const token of [removedToken, lostToken]) {
      expect(token).toHaveLength(43);
      await expect(resetPassword(db, { token, password: NEW_PASSWORD })).rejects.toMatchObject({
        code: 'invalid',
      });
    }
    const [still] = await db
      .select({ email: userEmails.email })
      .from(userEmails)
      .where(eq(userEmails.userId, user.id));
    expect(
      await verifyCredentials(db, { email: still?.email ?? '', password, client: client() }),
    ).not.toBeNull();
  });

  it('ends every session the account had, on every device', async () => {
    const db = await getDb();
    const { user, email } = await makeUser(db);
    const other = await makeUser(db);
    const laptop = await startSession(db, user.id);
    const phone = await startSession(db, user.id);
    const stranger = await startSession(db, other.user.id);
    await requestPasswordReset(db, { config: testConfig, email });
    const [token = ''] = await resetTokens(db, email);
    await resetPassword(db, { token, password: NEW_PASSWORD });
    expect(await liveSessionUser(db, laptop)).toBeNull();
    expect(await liveSessionUser(db, phone)).toBeNull();
    expect(await liveSessionUser(db, stranger)).toBe(other.user.id);
  });
});
