import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { awards } from '@/db/schema';
import { awardStatus } from '@/lib/badges/public-award';
import { makeAward, makeIssuer, makeUser } from '@/test/factories';
import { acceptWithToken, decidePendingAward } from './claim';
import { revokeAward } from './revoke-award';
import { countBadgeEvent, setAwardVisibility } from './visibility';
import { findDeclinedBadge, findWalletBadge } from './wallet';

async function acceptedBadge() {
  const db = await getDb();
  const issued = await makeIssuer(db);
  const { award, token } = await makeAward(db, issued);
  const { user } = await makeUser(db, { email: award.recipientEmail });
  await acceptWithToken(db, { token, userId: user.id, isPublic: true });
  return { db, issued, award, user };
}

const counts = async (awardId: string) => {
  const [row] = await (await getDb())
    .select({ views: awards.viewCount, shares: awards.shareCount })
    .from(awards)
    .where(eq(awards.id, awardId));
  return row;
};

describe('a revoked or expired badge in the wallet', () => {
  it('shows who revoked it, when, why and how to reach them; it may be hidden but not made public again', async () => {
    const { db, issued, award, user } = await acceptedBadge();
    await revokeAward(db, { issuerId: issued.issuer.id, awardId: award.id, reason: 'Wrong cohort' });
    const badge = await findWalletBadge(db, { userId: user.id, awardId: award.id });
    expect(badge).toMatchObject({ issuerName: issued.issuer.name, issuerEmail: 'badges@issuer.test' });
    expect(badge && awardStatus(badge)).toMatchObject({ kind: 'revoked', reason: 'Wrong cohort' });

    await setAwardVisibility(db, { userId: user.id, awardId: award.id, isPublic: false });
    await expect(
      setAwardVisibility(db, { userId: user.id, awardId: award.id, isPublic: true }),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('revoked') });
    const [row] = await db.select({ isPublic: awards.isPublic }).from(awards).where(eq(awards.id, award.id));
    expect(row?.isPublic).toBe(false);
  });

  it('counts no shares once revoked or expired, while views still count', async () => {
    const { db, issued, award, user } = await acceptedBadge();
    await countBadgeEvent(db, { awardId: award.id, event: 'share', ownerId: user.id });
    expect(await counts(award.id)).toEqual({ views: 0, shares: 1 });

    await db
      .update(awards)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(awards.id, award.id));
    expect(await countBadgeEvent(db, { awardId: award.id, event: 'share', ownerId: user.id })).toBe(false);
    expect(await countBadgeEvent(db, { awardId: award.id, event: 'view' })).toBe(true);
    expect(await counts(award.id)).toEqual({ views: 1, shares: 1 });

    await db.update(awards).set({ expiresAt: null }).where(eq(awards.id, award.id));
    await revokeAward(db, { issuerId: issued.issuer.id, awardId: award.id, reason: 'Withdrawn' });
    expect(await countBadgeEvent(db, { awardId: award.id, event: 'share', ownerId: user.id })).toBe(false);
    expect(await counts(award.id)).toEqual({ views: 1, shares: 1 });
  });

  it('an expired badge says when it expired; a future expiry is still valid', () => {
    const past = new Date('2021-01-01T00:00:00Z');
    expect(awardStatus({ revokedAt: null, revocationReason: null, expiresAt: past })).toEqual({
      kind: 'expired',
      on: past,
    });
    const later = new Date(Date.now() + 86_400_000);
    expect(awardStatus({ revokedAt: null, revocationReason: null, expiresAt: later })).toEqual({
      kind: 'valid',
    });
    // Revoked wins over expired.
    expect(awardStatus({ revokedAt: later, revocationReason: 'x', expiresAt: past }).kind).toBe('revoked');
  });
});

describe('a declined badge', () => {
  it('is named back to the learner who declined it from the wallet, and to nobody else', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const { award } = await makeAward(db, issued);
    const { user } = await makeUser(db, { email: award.recipientEmail });
    const stranger = await makeUser(db);
    expect(await findDeclinedBadge(db, { userId: user.id, awardId: award.id })).toBeNull();
    await decidePendingAward(db, { awardId: award.id, userId: user.id, decision: 'declined' });
    expect(await findDeclinedBadge(db, { userId: user.id, awardId: award.id })).toEqual({
      badgeName: issued.template.name,
      issuerName: issued.issuer.name,
    });
    expect(await findDeclinedBadge(db, { userId: stranger.user.id, awardId: award.id })).toBeNull();
    expect(await findWalletBadge(db, { userId: user.id, awardId: award.id })).toBeNull();
  });
});
