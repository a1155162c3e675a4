import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Db, getDb } from '@/db/client';
import { awards, badgeViews } from '@/db/schema';
import { countBadgeEvent } from '@/lib/awards/visibility';
import { makeAward, makeIssuer, makeUser } from '@/test/factories';
import { countBadgeView } from './badge-counts';

const secret = 'test-secret-test-secret-test-secret-42';

async function publicAward(db: Db) {
  const { user, email } = await makeUser(db);
  const { award } = await makeAward(db, await makeIssuer(db), { email });
  await db.update(awards).set({ state: 'accepted', userId: user.id }).where(eq(awards.id, award.id));
  return { awardId: award.id, owner: user.id };
}

async function counts(db: Db, awardId: string) {
  const [row] = await db
    .select({ views: awards.viewCount, shares: awards.shareCount })
    .from(awards)
    .where(eq(awards.id, awardId));
  return row;
}

describe('view counts', () => {
  it('counts one view per client per badge per day', async () => {
    const db = await getDb();
    const { awardId } = await publicAward(db);
    const morning = new Date('2026-12-06T08:00:00Z');
    const evening = new Date('2026-12-06T22:00:00Z');
    await countBadgeView(db, { awardId, client: '203.0.113.7', secret, now: morning });
    await countBadgeView(db, { awardId, client: '203.0.113.7', secret, now: evening });
    expect((await counts(db, awardId))?.views).toBe(1);

    await countBadgeView(db, { awardId, client: '198.51.100.9', secret, now: evening });
    await countBadgeView(db, {
      awardId,
      client: '203.0.113.7',
      secret,
      now: new Date('2026-12-07T01:00:00Z'),
    });
    expect((await counts(db, awardId))?.views).toBe(3);
  });

  it('stores a keyed hash, never the address, and prunes marks after two days', async () => {
    const db = await getDb();
    const { awardId } = await publicAward(db);
    await countBadgeView(db, {
      awardId,
      client: '203.0.113.8',
      secret,
      now: new Date('2026-11-01T10:00:00Z'),
    });
    const [mark] = await db.select().from(badgeViews).where(eq(badgeViews.awardId, awardId));
    expect(mark?.visitorHash).not.toContain('203.0.113.8');
    await countBadgeView(db, {
      awardId,
      client: '203.0.113.9',
      secret,
      now: new Date('2026-11-04T10:00:00Z'),
    });
    const marks = await db.select().from(badgeViews).where(eq(badgeViews.awardId, awardId));
    expect(marks.map((row) => row.day)).toEqual(['2026-11-04']);
  });

  it('counts nothing for a private badge', async () => {
    const db = await getDb();
    const { awardId } = await publicAward(db);
    await db.update(awards).set({ isPublic: false }).where(eq(awards.id, awardId));
    await countBadgeView(db, { awardId, client: '203.0.113.7', secret });
    expect((await counts(db, awardId))?.views).toBe(0);
  });
});

describe('share counts', () => {
  it("counts the owner's shares and ignores anyone else's", async () => {
    const db = await getDb();
    const { awardId, owner } = await publicAward(db);
    const stranger = (await makeUser(db)).user.id;
    await countBadgeEvent(db, { awardId, event: 'share', ownerId: stranger });
    expect((await counts(db, awardId))?.shares).toBe(0);
    await countBadgeEvent(db, { awardId, event: 'share', ownerId: owner });
    expect((await counts(db, awardId))?.shares).toBe(1);
  });
});
