import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Db, getDb } from '@/db/client';
import { outbox, users } from '@/db/schema';
import { liveSessionUser, startSession } from '@/lib/auth/sessions';
import { makeUser, testConfig } from '@/test/factories';
import { changePassword, changePasswordSchema } from './change-password';
import { verifyCredentials } from './credentials';
import { FREE_FAILURES } from './rate-limit';

const NEW_PASSWORD = 'a brand new passphrase';
const client = () => `client-${randomUUID()}`;

const mailTo = async (db: Db, email: string) =>
  db.select({ payload: outbox.payload }).from(outbox).where(sql`${outbox.payload}->>'to' = ${email}`);

describe('changing the password from settings', () => {
  it('needs the current password; then the new one signs in, the old does not, other sessions end and the owner is told', async () => {
    const db = await getDb();
    const { user, email, password } = await makeUser(db);
    const here = await startSession(db, user.id);
    const elsewhere = await startSession(db, user.id);
    const [before] = await db.select().from(users).where(eq(users.id, user.id));

    await changePassword(db, {
      userId: user.id,
      currentPassword: password,
      newPassword: NEW_PASSWORD,
      client: client(),
      keepSessionId: here,
      config: testConfig,
    });

    expect(await verifyCredentials(db, { email, password: NEW_PASSWORD, client: client() })).toMatchObject({
      id: user.id,
    });
    expect(await verifyCredentials(db, { email, password, client: client() })).toBeNull();
    expect(await liveSessionUser(db, here)).toBe(user.id);
    expect(await liveSessionUser(db, elsewhere)).toBeNull();
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(after?.passwordChangedAt.getTime()).toBeGreaterThanOrEqual(
      before?.passwordChangedAt.getTime() ?? 0,
    );
    const mail = await mailTo(db, email);
    expect(mail.map((m) => m.payload.subject)).toEqual(['Your Laurel password was changed']);
    expect(mail[0]?.payload.text).toContain(`${testConfig.appUrl}/forgot-password`);
    expect(mail[0]?.payload.text).not.toContain(NEW_PASSWORD);
  });

  it('a wrong current password changes nothing and says which field; repeated guesses must wait', async () => {
    const db = await getDb();
    const { user, email, password } = await makeUser(db);
    const session = await startSession(db, user.id);
    const guesser = client();
    const attempt = (currentPassword: string) =>
      changePassword(db, {
        userId: user.id,
        currentPassword,
        newPassword: NEW_PASSWORD,
        client: guesser,
        config: testConfig,
      });

    await expect(attempt('not my password')).rejects.toMatchObject({
      code: 'invalid',
      fieldErrors: { currentPassword: [expect.stringContaining('not your current password')] },
    });
    expect(await verifyCredentials(db, { email, password, client: client() })).toMatchObject({ id: user.id });
    expect(await liveSessionUser(db, session)).toBe(user.id);
    expect(await mailTo(db, email)).toEqual([]);

    for (let i = 1; i < FREE_FAILURES + 1; i++) await attempt(`wrong ${i}`).catch(() => undefined);
    // Even the right password waits now, from this client.
    await expect(attempt(password)).rejects.toMatchObject({
      code: 'rate_limited',
      message: expect.stringMatching(/Too many wrong passwords. Try again in \d+ minutes?\./),
    });
    expect(await verifyCredentials(db, { email, password, client: client() })).toMatchObject({ id: user.id });
  });

  it('refuses a new password equal to the current one', async () => {
    const db = await getDb();
    const { user, password } = await makeUser(db);
    await expect(
      changePassword(db, {
        userId: user.id,
        currentPassword: password,
        newPassword: password,
        client: client(),
        config: testConfig,
      }),
    ).rejects.toMatchObject({ fieldErrors: { newPassword: [expect.stringContaining('different')] } });
  });

  it('the form asks for the sign-up rules and the same new password twice', () => {
    const short = changePasswordSchema.safeParse({
      currentPassword: 'x',
      newPassword: 'short',
      confirmPassword: 'short',
    });
    expect(short.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['newPassword', 'Use at least 10 characters.'],
    ]);
    const mismatch = changePasswordSchema.safeParse({
      currentPassword: 'x',
      newPassword: NEW_PASSWORD,
      confirmPassword: `${NEW_PASSWORD}!`,
    });
    expect(mismatch.error?.issues.map((i) => i.path.join('.'))).toEqual(['confirmPassword']);
    expect(
      changePasswordSchema.safeParse({
        currentPassword: '',
        newPassword: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
      }).error?.issues[0]?.message,
    ).toBe('Enter your current password.');
  });
});
