import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { awards, claimTokens, outbox, users } from '@/db/schema';
import { findPublicAward } from '@/lib/badges/public-award';
import { makeAward, makeIssuer, makeUser, testConfig } from '@/test/factories';
import { awardInputSchema } from './award-input';
import { acceptWithToken } from './claim';
import { createAward } from './create-award';
import { countBadgeEvent, setAwardVisibility } from './visibility';
import { listWallet } from './wallet';

async function award(
  db: Awaited<ReturnType<typeof getDb>>,
  issued: Awaited<ReturnType<typeof makeIssuer>>,
  email: string,
) {
  const input = awardInputSchema.parse({
    templateId: issued.template.id,
    recipient: { email, name: 'Opal' },
  });
  return (await createAward({ db, config: testConfig, issuer: issued.issuer, input })).award;
}

const mailTo = async (email: string) =>
  (await getDb()).select().from(outbox).where(sql`${outbox.payload}->>'to' = ${email}`);

describe('achievements opt-out', () => {
  it('records new awards as opted out, sends nothing, hides pending ones; opting back in restores future awards', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const { user, email } = await makeUser(db);
    const before = await award(db, issued, email);
    expect((await listWallet(db, user.id)).map((b) => b.id)).toEqual([before.id]);

    await db.update(users).set({ optedOutAt: new Date() }).where(eq(users.id, user.id));
    const during = await award(db, issued, email);
    expect(during.state).toBe('opted_out');
    expect(await db.select().from(claimTokens).where(eq(claimTokens.awardId, during.id))).toEqual([]);
    expect((await mailTo(email)).length).toBe(1); // only the email from before the opt-out
    expect(await listWallet(db, user.id)).toEqual([]);

    await db.update(users).set({ optedOutAt: null }).where(eq(users.id, user.id));
    const after = await award(db, issued, email);
    expect(after.state).toBe('pending');
    expect((await mailTo(email)).length).toBe(2);
    const [stillOptedOut] = await db.select().from(awards).where(eq(awards.id, during.id));
    expect(stillOptedOut?.state).toBe('opted_out');
  });
});

describe('badge visibility', () => {
  it('only the owner can switch it; private badges disappear from public lookups and count nothing', async () => {
    const db = await getDb();
    const { award: a, token } = await makeAward(db, await makeIssuer(db));
    const owner = await makeUser(db, { email: a.recipientEmail });
    const stranger = await makeUser(db);
    await acceptWithToken(db, { token, userId: owner.user.id, isPublic: false });
    expect(await findPublicAward(db, a.id)).toBeNull();

    await expect(
      setAwardVisibility(db, { userId: stranger.user.id, awardId: a.id, isPublic: true }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    await countBadgeEvent(db, { awardId: a.id, event: 'view' });
    await setAwardVisibility(db, { userId: owner.user.id, awardId: a.id, isPublic: true });
    expect((await findPublicAward(db, a.id))?.award.viewCount).toBe(0);
    await countBadgeEvent(db, { awardId: a.id, event: 'view' });
    await countBadgeEvent(db, { awardId: a.id, event: 'share' });
    const counted = await findPublicAward(db, a.id);
    expect([counted?.award.viewCount, counted?.award.shareCount, counted?.award.verifyCount]).toEqual([
      1, 1, 0,
    ]);
  });
});
