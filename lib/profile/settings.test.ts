import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { makeUser } from '@/test/factories';
import { getSettings, setAchievementsOptOut, updateProfile } from './settings';

const freshHandle = (label = 'learner') => `${label}-${randomUUID().slice(0, 8)}`;

describe('updateProfile', () => {
  it('saves name, lower-cased handle, headline and visibility for the acting user only', async () => {
    const db = await getDb();
    const { user } = await makeUser(db);
    const other = await makeUser(db);
    const handle = freshHandle('Ada');
    await updateProfile(db, {
      userId: user.id,
      name: ' Ada Lovelace ',
      handle,
      headline: 'Analyst of engines',
      isProfilePublic: true,
    });
    expect(await getSettings(db, user.id)).toMatchObject({
      name: 'Ada Lovelace',
      handle: handle.toLowerCase(),
      headline: 'Analyst of engines',
      isProfilePublic: true,
      optedOutAt: null,
    });
    expect(await getSettings(db, other.user.id)).toMatchObject({ name: 'Test Learner', handle: null });
  });

  it('refuses a handle another learner has, whatever its case', async () => {
    const db = await getDb();
    const first = await makeUser(db);
    const second = await makeUser(db);
    const handle = freshHandle('taken');
    const base = { name: 'Someone', headline: '', isProfilePublic: false };
    await updateProfile(db, { ...base, userId: first.user.id, handle });
    await expect(
      updateProfile(db, { ...base, userId: second.user.id, handle: handle.toUpperCase() }),
    ).rejects.toMatchObject({
      code: 'conflict',
      details: { fieldErrors: { handle: ['That handle is taken'] } },
    });
    // Keeping your own handle is not a conflict.
    await updateProfile(db, { ...base, userId: first.user.id, handle: handle.toUpperCase(), headline: 'x' });
    expect((await getSettings(db, second.user.id)).handle).toBeNull();
  });

  it('a public profile needs a handle; invalid input is a field error, not a crash', async () => {
    const db = await getDb();
    const { user } = await makeUser(db);
    const base = { userId: user.id, name: 'Ada', headline: '' };
    await expect(updateProfile(db, { ...base, handle: null, isProfilePublic: true })).rejects.toMatchObject({
      code: 'invalid',
      details: { fieldErrors: { handle: [expect.stringMatching(/Choose a handle/)] } },
    });
    await expect(
      updateProfile(db, { ...base, handle: 'admin', headline: 'h'.repeat(121), isProfilePublic: false }),
    ).rejects.toMatchObject({
      code: 'invalid',
      details: {
        fieldErrors: {
          handle: [expect.stringMatching(/reserved/)],
          headline: ['Keep your headline to 120 characters or fewer.'],
        },
      },
    });
    expect(await getSettings(db, user.id)).toMatchObject({ handle: null, isProfilePublic: false });
  });

  it('an unknown acting user is not found', async () => {
    const db = await getDb();
    const input = { userId: randomUUID(), name: 'Ghost', handle: null, headline: '', isProfilePublic: false };
    await expect(updateProfile(db, input)).rejects.toMatchObject({ code: 'not_found' });
    await expect(getSettings(db, input.userId)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('setAchievementsOptOut', () => {
  it('sets opted_out_at once, keeps the first time, and clears it when the learner opts back in', async () => {
    const db = await getDb();
    const { user } = await makeUser(db);
    const other = await makeUser(db);
    const { optedOutAt } = await setAchievementsOptOut(db, { userId: user.id, optedOut: true });
    expect(optedOutAt).toBeInstanceOf(Date);
    const again = await setAchievementsOptOut(db, { userId: user.id, optedOut: true });
    expect(again.optedOutAt?.getTime()).toBe(optedOutAt?.getTime());
    const [otherRow] = await db.select().from(users).where(eq(users.id, other.user.id));
    expect(otherRow?.optedOutAt).toBeNull();
    await setAchievementsOptOut(db, { userId: user.id, optedOut: false });
    expect((await getSettings(db, user.id)).optedOutAt).toBeNull();
    await expect(setAchievementsOptOut(db, { userId: randomUUID(), optedOut: true })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
