import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { makeUser } from '@/test/factories';
import { liveSessionUser, revokeSession, revokeUserSessions, startSession } from './sessions';

describe('sessions', () => {
  it('a signed-out session stays ended, while the same user’s other sessions go on', async () => {
    const db = await getDb();
    const { user } = await makeUser(db);
    const here = await startSession(db, user.id);
    const there = await startSession(db, user.id);
    expect(await liveSessionUser(db, here)).toBe(user.id);
    await revokeSession(db, here);
    expect(await liveSessionUser(db, here)).toBeNull();
    expect(await liveSessionUser(db, there)).toBe(user.id);
  });

  it('signing out everywhere ends them all, and no one else’s', async () => {
    const db = await getDb();
    const { user } = await makeUser(db);
    const other = await makeUser(db);
    const mine = [await startSession(db, user.id), await startSession(db, user.id)];
    const theirs = await startSession(db, other.user.id);
    await revokeUserSessions(db, { userId: user.id });
    for (const id of mine) expect(await liveSessionUser(db, id)).toBeNull();
    expect(await liveSessionUser(db, theirs)).toBe(other.user.id);
  });
});
