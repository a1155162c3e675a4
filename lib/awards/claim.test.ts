import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { awards, claimTokens, userEmails } from '@/db/schema';
import { hashToken } from '@/lib/crypto/tokens';
import { makeAward, makeIssuer, makeUser } from '@/test/factories';
import { acceptWithToken, declineWithToken, lookupClaim } from './claim';
import { listWallet } from './wallet';

describe('claim tokens', () => {
  it('are 256-bit random and stored only as a hash', async () => {
    const db = await getDb();
    const { award, token } = await makeAward(db, await makeIssuer(db));
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const rows = await db.select().from(claimTokens).where(eq(claimTokens.awardId, award.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('open the offer once; a used token says so', async () => {
    const db = await getDb();
    const { award, token } = await makeAward(db, await makeIssuer(db));
    const { user } = await makeUser(db, { email: award.recipientEmail });
    expect((await lookupClaim(db, token)).status).toBe('open');
    await acceptWithToken(db, { token, userId: user.id });
    expect((await lookupClaim(db, token)).status).toBe('used');
    await expect(acceptWithToken(db, { token, userId: user.id })).rejects.toMatchObject({ code: 'conflict' });
    await expect(declineWithToken(db, { token, userId: null })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('a declined offer says so, when and by whom to ask, on every later visit', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const { token } = await makeAward(db, issued);
    await declineWithToken(db, { token, userId: null });
    const claim = await lookupClaim(db, token);
    expect(claim).toMatchObject({
      status: 'declined',
      badgeName: issued.template.name,
      issuerName: issued.issuer.name,
      issuerEmail: 'badges@issuer.test',
    });
    expect(claim.status === 'declined' && Date.now() - claim.declinedAt.getTime()).toBeLessThan(60_000);
  });

  it('expire', async () => {
    const db = await getDb();
    const { award, token } = await makeAward(db, await makeIssuer(db));
    await db
      .update(claimTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(claimTokens.awardId, award.id));
    expect((await lookupClaim(db, token)).status).toBe('expired');
    const { user } = await makeUser(db);
    await expect(acceptWithToken(db, { token, userId: user.id })).rejects.toThrow(/expired/);
    const [after] = await db.select().from(awards).where(eq(awards.id, award.id));
    expect(after?.state).toBe('pending');
  });

  it('unknown tokens are reported as unknown, not errors', async () => {
    const db = await getDb();
    expect(await lookupClaim(db, 'x'.repeat(43))).toEqual({ status: 'unknown' });
  });

  it('two simultaneous accepts: exactly one wins', async () => {
    const db = await getDb();
    const { award, token } = await makeAward(db, await makeIssuer(db));
    const a = await makeUser(db);
    const b = await makeUser(db);
    const results = await Promise.allSettled([
      acceptWithToken(db, { token, userId: a.user.id }),
      acceptWithToken(db, { token, userId: b.user.id }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    const [after] = await db.select().from(awards).where(eq(awards.id, award.id));
    expect(after?.state).toBe('accepted');
    const winner = results[0]?.status === 'fulfilled' ? a.user.id : b.user.id;
    expect(after?.userId).toBe(winner);
  });

  it('accepting with another address adds it to the account as verified, and the wallet shows it', async () => {
    const db = await getDb();
    const { award, token } = await makeAward(db, await makeIssuer(db));
    const { user, email } = await makeUser(db);
    expect(email).not.toBe(award.recipientEmail);
    await acceptWithToken(db, { token, userId: user.id });
    const emails = await db.select().from(userEmails).where(eq(userEmails.userId, user.id));
    expect(emails.map((e) => [e.email, Boolean(e.verifiedAt), e.isPrimary]).sort()).toEqual(
      [
        [email, true, true],
        [award.recipientEmail, true, false],
      ].sort(),
    );
    expect((await listWallet(db, user.id)).map((b) => b.id)).toEqual([award.id]);
  });

  it('refuses an address that another account has verified', async () => {
    const db = await getDb();
    const { award, token } = await makeAward(db, await makeIssuer(db));
    await makeUser(db, { email: award.recipientEmail });
    const intruder = await makeUser(db);
    await expect(acceptWithToken(db, { token, userId: intruder.user.id })).rejects.toThrow(
      /another Laurel account/,
    );
    expect((await lookupClaim(db, token)).status).toBe('open');
  });

  it('declined badges stay out of the wallet', async () => {
    const db = await getDb();
    const { award, token } = await makeAward(db, await makeIssuer(db));
    const { user } = await makeUser(db, { email: award.recipientEmail });
    expect((await listWallet(db, user.id)).map((b) => [b.id, b.state])).toEqual([[award.id, 'pending']]);
    await declineWithToken(db, { token, userId: user.id });
    expect(await listWallet(db, user.id)).toEqual([]);
  });
});
