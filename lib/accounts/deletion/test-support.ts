import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { checkRequestLimit } from '@/lib/accounts/request-limits';
import { startSession } from '@/lib/auth/sessions';
import { acceptWithToken } from '@/lib/awards/claim';
import { storeImage } from '@/lib/images/store';
import { unsubscribe } from '@/lib/notifications/preferences';
import { makeAward, type makeIssuer, makeUser, testConfig, uniqueEmail } from '@/test/factories';
import { verifyCredentials } from '../credentials';
import { requestAccountDeletion } from './request';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A learner with everything an account gathers: a primary address (A) that only the account
 * knows, a second address (B) proved by accepting two public badges sent to it, a public profile
 * with handle, headline and photo, a session, a failed sign-in and request counters naming A, and
 * an unsubscribe (by link) of B.
 */
export async function learnerWithEverything(db: Db, issued: Awaited<ReturnType<typeof makeIssuer>>) {
  const tag = randomUUID().slice(0, 8);
  const { user, email, password } = await makeUser(db, { email: uniqueEmail(`primary-${tag}`) });
  const name = `Zephyrine Account-${tag}`;
  const handle = `zeph${tag}`;
  const photoImageId = await storeImage(db, { contentType: 'image/png', bytes: PNG });
  await db
    .update(users)
    .set({ name, handle, headline: `Headline ${tag}`, isProfilePublic: true, photoImageId })
    .where(eq(users.id, user.id));
  const awardAddress = uniqueEmail(`award-${tag}`);
  const recipientName = `Recorded Recipient-${tag}`;
  const awardIds: string[] = [];
  for (let i = 0; i < 2; i++) {
    const { award, token } = await makeAward(db, issued, {
      email: awardAddress,
      recipient: { email: awardAddress, name: recipientName },
    });
    await acceptWithToken(db, { token, userId: user.id, isPublic: true });
    awardIds.push(award.id);
  }
  const sessionId = await startSession(db, user.id);
  const client = `client-${tag}`;
  await verifyCredentials(db, { email, password: 'not the password', client });
  await checkRequestLimit(db, { action: 'forgotPassword', client, target: email });
  await unsubscribe(db, { email: awardAddress, kind: 'badge_expiring' });
  return {
    user,
    email,
    password,
    name,
    handle,
    photoImageId,
    awardAddress,
    recipientName,
    awardIds,
    sessionId,
  };
}

export type Learner = Awaited<ReturnType<typeof learnerWithEverything>>;

export const requestDeletion = (db: Db, learner: Learner) =>
  requestAccountDeletion(db, {
    userId: learner.user.id,
    password: learner.password,
    client: `client-${randomUUID()}`,
    config: testConfig,
  });

/** Moves the request back in time instead of waiting: `days` ago. */
export async function requestedDaysAgo(db: Db, userId: string, days: number) {
  await db
    .update(users)
    .set({ deletionRequestedAt: sql`now() - make_interval(days => ${days})` })
    .where(eq(users.id, userId));
}
