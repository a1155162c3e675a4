import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Db, getDb } from '@/db/client';
import { outbox, users } from '@/db/schema';
import { liveSessionUser } from '@/lib/auth/sessions';
import { findPublicAward } from '@/lib/badges/public-award';
import { findImage } from '@/lib/images/store';
import { findPublicProfile } from '@/lib/profile/public-profile';
import { makeIssuer, testConfig } from '@/test/factories';
import { verifyCredentials } from '../credentials';
import { FREE_FAILURES } from '../rate-limit';
import { deletionFinalAt } from './grace';
import { deleteAccountSchema, requestAccountDeletion } from './request';
import { type Learner, learnerWithEverything, requestDeletion, requestedDaysAgo } from './test-support';

const client = () => `client-${randomUUID()}`;

async function publicSurfaces(db: Db, learner: Learner) {
  return {
    awards: await Promise.all(learner.awardIds.map(async (id) => (await findPublicAward(db, id)) !== null)),
    profile: (await findPublicProfile(db, learner.handle)) !== null,
    photo: (await findImage(db, learner.photoImageId)) !== null,
  };
}
const allShown = { awards: [true, true], profile: true, photo: true };
const noneShown = { awards: [false, false], profile: false, photo: false };

async function requestedAt(db: Db, userId: string) {
  const [row] = await db.select({ at: users.deletionRequestedAt }).from(users).where(eq(users.id, userId));
  return row?.at ?? null;
}

describe('asking to delete the account', () => {
  it('needs the password and the ticked box', () => {
    expect(deleteAccountSchema.safeParse({ password: 'x', confirm: 'on' }).success).toBe(true);
    const refused = deleteAccountSchema.safeParse({ password: '' });
    expect(refused.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['password', 'Enter your password.'],
      ['confirm', 'Tick the box to confirm that you want to delete your account.'],
    ]);
  });

  it('a wrong password changes nothing, says which field, and counts like a sign-in guess', async () => {
    const db = await getDb();
    const learner = await learnerWithEverything(db, await makeIssuer(db));
    const guesser = client();
    const attempt = () =>
      requestAccountDeletion(db, {
        userId: learner.user.id,
        password: 'a wrong guess',
        client: guesser,
        config: testConfig,
      });
    await expect(attempt()).rejects.toMatchObject({
      code: 'invalid',
      fieldErrors: { password: ['This is not your password. Check it and try again.'] },
    });
    expect(await requestedAt(db, learner.user.id)).toBeNull();
    expect(await liveSessionUser(db, learner.sessionId)).toBe(learner.user.id);
    expect(await publicSurfaces(db, learner)).toEqual(allShown);
    for (let i = 1; i <= FREE_FAILURES; i++)
      await expect(attempt()).rejects.toMatchObject({ code: 'invalid' });
    await expect(attempt()).rejects.toMatchObject({ code: 'rate_limited' });
    // Even the right password waits now, as signing in would.
    await expect(
      requestAccountDeletion(db, {
        userId: learner.user.id,
        password: learner.password,
        client: guesser,
        config: testConfig,
      }),
    ).rejects.toMatchObject({ code: 'rate_limited' });
    expect(await requestedAt(db, learner.user.id)).toBeNull();
  });

  it('the right password hides every public surface at once, ends every session and emails the date', async () => {
    const db = await getDb();
    const learner = await learnerWithEverything(db, await makeIssuer(db));
    const { finalAt } = await requestDeletion(db, learner);

    const at = await requestedAt(db, learner.user.id);
    expect(at).not.toBeNull();
    expect(finalAt).toEqual(deletionFinalAt(at as Date));
    expect(finalAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600_000);
    expect(await liveSessionUser(db, learner.sessionId)).toBeNull();
    expect(await publicSurfaces(db, learner)).toEqual(noneShown);
    const mail = await db
      .select({ payload: outbox.payload })
      .from(outbox)
      .where(sql`${outbox.payload}->>'to' = ${learner.email}`);
    const confirmation = mail.find((m) =>
      m.payload.subject.startsWith('Your Laurel account will be deleted'),
    );
    expect(confirmation?.payload.subject).toMatch(/deleted on \d{1,2} \w+ \d{4}$/);
    expect(confirmation?.payload.text).toContain(`${testConfig.appUrl}/sign-in`);
  });
});

describe('signing in during the grace period', () => {
  it('cancels the deletion: the same password works and everything is public again', async () => {
    const db = await getDb();
    const learner = await learnerWithEverything(db, await makeIssuer(db));
    await requestDeletion(db, learner);
    await requestedDaysAgo(db, learner.user.id, 6);

    const signedIn = await verifyCredentials(db, {
      email: learner.email,
      password: learner.password,
      client: client(),
    });
    expect(signedIn).toMatchObject({ id: learner.user.id, isDeletionCancelled: true });
    expect(await requestedAt(db, learner.user.id)).toBeNull();
    expect(await publicSurfaces(db, learner)).toEqual(allShown);
    // An ordinary sign-in afterwards cancels nothing.
    expect(
      await verifyCredentials(db, { email: learner.email, password: learner.password, client: client() }),
    ).not.toHaveProperty('isDeletionCancelled');
  });

  it('a wrong password cancels nothing', async () => {
    const db = await getDb();
    const learner = await learnerWithEverything(db, await makeIssuer(db));
    await requestDeletion(db, learner);
    expect(
      await verifyCredentials(db, { email: learner.email, password: 'nope', client: client() }),
    ).toBeNull();
    expect(await requestedAt(db, learner.user.id)).not.toBeNull();
  });

  it('after the grace period the deletion is final: signing in no longer works', async () => {
    const db = await getDb();
    const learner = await learnerWithEverything(db, await makeIssuer(db));
    await requestDeletion(db, learner);
    await requestedDaysAgo(db, learner.user.id, 8);
    expect(
      await verifyCredentials(db, { email: learner.email, password: learner.password, client: client() }),
    ).toBeNull();
    expect(await requestedAt(db, learner.user.id)).not.toBeNull();
    expect(await publicSurfaces(db, learner)).toEqual(noneShown);
  });
});
