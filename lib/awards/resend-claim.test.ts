import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { awardEvents, outbox, users } from '@/db/schema';
import { claimTokenFromOutbox, makeAward, makeIssuer, makeUser, testConfig } from '@/test/factories';
import { acceptWithToken, lookupClaim } from './claim';
import { resendClaim } from './resend-claim';
import { revokeAward } from './revoke-award';

async function emailsTo(email: string) {
  const db = await getDb();
  return db.select().from(outbox).where(sql`${outbox.payload}->>'to' = ${email}`);
}

describe('resendClaim', () => {
  it('sends a new link, retires the old one and records the resend', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const { award, token: oldToken } = await makeAward(db, issued);

    const result = await resendClaim(db, {
      issuerId: issued.issuer.id,
      awardId: award.id,
      config: testConfig,
    });
    expect(result.isReplay).toBe(false);
    const mail = await emailsTo(award.recipientEmail);
    expect(mail).toHaveLength(2);
    expect(mail[1]?.payload.subject).toBe(mail[0]?.payload.subject);
    const newToken = await claimTokenFromOutbox(db, award.recipientEmail);
    expect(newToken).not.toBe(oldToken);
    expect((await lookupClaim(db, oldToken)).status).not.toBe('open');
    expect((await lookupClaim(db, newToken)).status).toBe('open');
    const events = await db
      .select()
      .from(awardEvents)
      .where(eq(awardEvents.awardId, award.id))
      .orderBy(awardEvents.at);
    expect(events.map((e) => e.kind)).toEqual(['created', 'resent']);
    expect(mail.map((m) => m.awardId)).toEqual([award.id, award.id]);

    const { user } = await makeUser(db, { email: award.recipientEmail });
    await expect(acceptWithToken(db, { token: oldToken, userId: user.id })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect((await acceptWithToken(db, { token: newToken, userId: user.id })).state).toBe('accepted');
  });

  it('replays a retry with the same Idempotency-Key without another email', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const { award } = await makeAward(db, issued);
    const resend = (key: string) =>
      resendClaim(db, {
        issuerId: issued.issuer.id,
        awardId: award.id,
        config: testConfig,
        idempotencyKey: key,
      });
    const results = await Promise.all([resend('k'), resend('k'), resend('k')]);
    expect(results.filter((r) => !r.isReplay)).toHaveLength(1);
    expect(await emailsTo(award.recipientEmail)).toHaveLength(2);
    expect((await resend('another')).isReplay).toBe(false);
    expect(await emailsTo(award.recipientEmail)).toHaveLength(3);
  });

  it('refuses awards that are not pending, revoked or expired, and other issuers’ awards', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const resend = (awardId: string, issuerId = issued.issuer.id) =>
      resendClaim(db, { issuerId, awardId, config: testConfig });

    const accepted = await makeAward(db, issued);
    const { user } = await makeUser(db, { email: accepted.award.recipientEmail });
    await acceptWithToken(db, { token: accepted.token, userId: user.id });
    await expect(resend(accepted.award.id)).rejects.toMatchObject({ code: 'conflict', message: /accepted/ });

    const revoked = await makeAward(db, issued);
    await revokeAward(db, { issuerId: issued.issuer.id, awardId: revoked.award.id, reason: 'Error' });
    await expect(resend(revoked.award.id)).rejects.toMatchObject({ code: 'conflict', message: /revoked/ });

    const expired = await makeAward(db, issued, {
      issuedAt: new Date('2020-01-01T00:00:00Z'),
      expiresAt: new Date('2021-01-01T00:00:00Z'),
    });
    await expect(resend(expired.award.id)).rejects.toMatchObject({ code: 'conflict', message: /expired/ });

    const optedOut = await makeUser(db);
    await db.update(users).set({ optedOutAt: new Date() }).where(eq(users.id, optedOut.user.id));
    await expect(makeAward(db, issued, { email: optedOut.email })).rejects.toThrow(/no claim email/);

    const theirs = await makeIssuer(db);
    const pending = await makeAward(db, issued);
    await expect(resend(pending.award.id, theirs.issuer.id)).rejects.toMatchObject({ code: 'not_found' });
    expect(await emailsTo(pending.award.recipientEmail)).toHaveLength(1);
  });
});
