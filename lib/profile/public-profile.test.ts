import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Db, getDb } from '@/db/client';
import { type Award, awards } from '@/db/schema';
import { makeAward, makeIssuer, makeUser } from '@/test/factories';
import { findPublicProfile } from './public-profile';
import { setAchievementsOptOut, updateProfile } from './settings';

async function publicLearner(db: Db, input: { isProfilePublic?: boolean } = {}) {
  const { user } = await makeUser(db);
  const handle = `pub-${randomUUID().slice(0, 8)}`;
  await updateProfile(db, {
    userId: user.id,
    name: 'Grace Hopper',
    handle,
    headline: 'Compiler pioneer',
    isProfilePublic: input.isProfilePublic ?? true,
  });
  return { user, handle };
}

/** An award settled for `userId` as the claim flow would leave it. */
async function settled(db: Db, userId: string, change: Partial<Award> = {}) {
  const { award } = await makeAward(db, await makeIssuer(db));
  const [row] = await db
    .update(awards)
    .set({ userId, state: 'accepted', decidedAt: new Date(), ...change })
    .where(eq(awards.id, award.id))
    .returning();
  if (!row) throw new Error('no award');
  return row;
}

describe('findPublicProfile', () => {
  it('shows a public profile by handle in any case, with its public badges newest first', async () => {
    const db = await getDb();
    const { user, handle } = await publicLearner(db);
    const older = await settled(db, user.id, { decidedAt: new Date('2025-01-10T00:00:00Z') });
    const newest = await settled(db, user.id, { decidedAt: new Date('2025-06-01T00:00:00Z') });
    const middle = await settled(db, user.id, { decidedAt: new Date('2025-03-01T00:00:00Z') });

    const profile = await findPublicProfile(db, handle.toUpperCase());
    expect(profile).toMatchObject({ name: 'Grace Hopper', handle, headline: 'Compiler pioneer' });
    expect(profile?.badges.map((b) => b.id)).toEqual([newest.id, middle.id, older.id]);
    expect(profile?.badges[0]).toMatchObject({
      badgeName: 'Linux Fundamentals',
      issuerName: expect.stringMatching(/^Issuer issuer-/),
      issuedAt: expect.any(Date),
    });
    expect(JSON.stringify(profile)).not.toContain(user.id);
  });

  it('lists no private, pending, declined, opted-out or revoked badges, nor anyone else’s', async () => {
    const db = await getDb();
    const { user, handle } = await publicLearner(db);
    const shown = await settled(db, user.id);
    await settled(db, user.id, { isPublic: false });
    await settled(db, user.id, { revokedAt: new Date(), revocationReason: 'Mistake' });
    await settled(db, user.id, { state: 'pending', decidedAt: null });
    await settled(db, user.id, { state: 'declined' });
    await settled(db, user.id, { state: 'opted_out' });
    const someoneElse = await makeUser(db);
    await settled(db, someoneElse.user.id);
    expect((await findPublicProfile(db, handle))?.badges.map((b) => b.id)).toEqual([shown.id]);
  });

  it('hides private profiles, learners who opted out, and unknown handles', async () => {
    const db = await getDb();
    const hidden = await publicLearner(db, { isProfilePublic: false });
    await settled(db, hidden.user.id);
    expect(await findPublicProfile(db, hidden.handle)).toBeNull();

    const optedOut = await publicLearner(db);
    expect(await findPublicProfile(db, optedOut.handle)).not.toBeNull();
    await setAchievementsOptOut(db, { userId: optedOut.user.id, optedOut: true });
    expect(await findPublicProfile(db, optedOut.handle)).toBeNull();
    await setAchievementsOptOut(db, { userId: optedOut.user.id, optedOut: false });
    expect(await findPublicProfile(db, optedOut.handle)).not.toBeNull();

    expect(await findPublicProfile(db, 'nobody-has-this-handle')).toBeNull();
    expect(await findPublicProfile(db, "x' or '1'='1")).toBeNull();
  });
});
