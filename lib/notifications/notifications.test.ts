import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Db, getDb } from '@/db/client';
import { awardExpiryReminders, outbox } from '@/db/schema';
import { acceptWithToken } from '@/lib/awards/claim';
import { findAwardWithHistory } from '@/lib/awards/history';
import { revokeAward } from '@/lib/awards/revoke-award';
import { listWallet } from '@/lib/awards/wallet';
import { deliverEmail } from '@/lib/email/outbox';
import { createResendSender } from '@/lib/email/send-email';
import { makeAward, makeIssuer, makeUser, testConfig, uniqueEmail } from '@/test/factories';
import { type FakeResend, startFakeResend } from '@/test/fake-resend';
import { sendExpiryReminders } from './expiry-reminders';
import { UNSUBSCRIBE_PLACEHOLDER } from './kinds';
import { getPreferences, NOTIFICATION_OFF, setPreferences, unsubscribe } from './preferences';
import { readUnsubscribeToken, unsubscribeToken } from './unsubscribe-token';

const ALL_ON = { badge_awarded: true, badge_expiring: true, badge_revoked: true };

/** The outbox rows for an address, oldest first. */
async function mailTo(db: Db, email: string) {
  return db.select().from(outbox).where(sql`${outbox.payload}->>'to' = ${email}`).orderBy(outbox.createdAt);
}

const DAY = 86_400_000;

/** An accepted badge of `email`'s account that expires in `days` days. */
async function acceptedExpiring(db: Db, input: { days: number }) {
  const issued = await makeIssuer(db);
  const { user, email } = await makeUser(db);
  const { award, token } = await makeAward(db, issued, {
    email,
    issuedAt: new Date(Date.now() - 300 * DAY),
    expiresAt: new Date(Date.now() + input.days * DAY),
  });
  await acceptWithToken(db, { token, userId: user.id });
  return { user, email, award };
}

describe('unsubscribe tokens', () => {
  it('name the address and kind without showing the address, and refuse anything altered', () => {
    const target = { email: 'sam@learners.example', kind: 'badge_revoked' as const };
    const token = unsubscribeToken(target, 'secret-one');
    expect(token).not.toContain('sam');
    expect(Buffer.from(token, 'base64url').toString('latin1')).not.toContain('learners');
    expect(readUnsubscribeToken(token, 'secret-one')).toEqual(target);
    expect(readUnsubscribeToken(token, 'secret-two')).toBeNull();
    const flipped = `${token.slice(0, 20)}${token[20] === 'A' ? 'B' : 'A'}${token.slice(21)}`;
    expect(readUnsubscribeToken(flipped, 'secret-one')).toBeNull();
    expect(readUnsubscribeToken(token.slice(0, -2), 'secret-one')).toBeNull();
    expect(readUnsubscribeToken('not a token!', 'secret-one')).toBeNull();
    expect(readUnsubscribeToken('A'.repeat(5000), 'secret-one')).toBeNull();
    // Random per email: two links for the same pair differ.
    expect(unsubscribeToken(target, 'secret-one')).not.toBe(token);
  });
});

describe('notification preferences', () => {
  it('puts one-click unsubscribe headers and a visible link on a claim email, none on account mail', async () => {
    const db = await getDb();
    const { award } = await makeAward(db, await makeIssuer(db));
    const [claim] = await mailTo(db, award.recipientEmail);
    const headers = claim?.payload.headers ?? {};
    const url = headers['List-Unsubscribe']?.match(/^<(https?:\/\/[^>]+\/unsubscribe\/([A-Za-z0-9_-]+))>$/);
    expect(url?.[2] && readUnsubscribeToken(url[2])).toEqual({
      email: award.recipientEmail,
      kind: 'badge_awarded',
    });
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(claim?.payload.html).toContain(url?.[1]);
    expect(claim?.payload.text).toContain(url?.[1]);
    expect(claim?.payload.html).not.toContain(UNSUBSCRIBE_PLACEHOLDER);

    const { user } = await makeUser(db);
    const { addAccountEmail } = await import('@/lib/accounts/user-emails');
    const extra = uniqueEmail();
    await addAccountEmail(db, { config: testConfig, userId: user.id, email: extra });
    const [verification] = await mailTo(db, extra);
    expect(verification?.payload.headers).toBeUndefined();
    expect(verification?.payload.text).not.toMatch(/unsubscribe/i);
  });

  it('sends no award email to an account with "badge awarded" off, but the badge still reaches the wallet', async () => {
    const db = await getDb();
    const { user, email } = await makeUser(db);
    await setPreferences(db, { userId: user.id, preferences: { ...ALL_ON, badge_awarded: false } });
    expect(await getPreferences(db, user.id)).toEqual({ ...ALL_ON, badge_awarded: false });
    const issued = await makeIssuer(db);
    const { createAward } = await import('@/lib/awards/create-award');
    const { award } = await createAward({
      db,
      config: testConfig,
      issuer: issued.issuer,
      input: { templateId: issued.template.id, recipient: { email, name: 'Off Learner' } },
    });
    const rows = await mailTo(db, email);
    expect(rows.map((r) => [r.status, r.lastError, r.payload.html])).toEqual([
      ['failed', NOTIFICATION_OFF, ''],
    ]);
    expect((await listWallet(db, user.id)).map((b) => b.id)).toEqual([award.id]);
    // The issuer's history says it was the learner's choice, not a delivery problem.
    const found = await findAwardWithHistory(db, { issuerId: issued.issuer.id, awardId: award.id });
    expect(found?.events.map((e) => [e.kind, e.detail])).toEqual([
      ['created', null],
      ['email_withheld', expect.stringMatching(/: The recipient has turned off this kind of email\.$/)],
    ]);
  });

  it('honours an unsubscribe by address without an account, for that kind only', async () => {
    const db = await getDb();
    const email = uniqueEmail('no-account');
    await unsubscribe(db, { email: email.toUpperCase(), kind: 'badge_awarded' });
    const issued = await makeIssuer(db);
    await expect(makeAward(db, issued, { email })).rejects.toThrow(/no claim email/);
    const [muted] = await mailTo(db, email);
    expect(muted).toMatchObject({ status: 'failed', lastError: NOTIFICATION_OFF });
    // The revocation is another kind: still sent.
    await revokeAward(db, {
      issuerId: issued.issuer.id,
      awardId: muted?.awardId ?? '',
      reason: 'Issued in error.',
      notifyRecipient: true,
      config: testConfig,
    });
    const rows = await mailTo(db, email);
    expect(rows.map((r) => [r.status, r.payload.notification])).toEqual([
      ['failed', 'badge_awarded'],
      ['pending', 'badge_revoked'],
    ]);
  });

  it('withholds the revocation email when "badge revoked" is off, and unsubscribing turns the switch off', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const { user, email } = await makeUser(db);
    const { award } = await makeAward(db, issued, { email });
    await unsubscribe(db, { email, kind: 'badge_revoked' });
    expect(await getPreferences(db, user.id)).toEqual({ ...ALL_ON, badge_revoked: false });
    const result = await revokeAward(db, {
      issuerId: issued.issuer.id,
      awardId: award.id,
      reason: 'Issued in error.',
      notifyRecipient: true,
      config: testConfig,
    });
    expect(result.isRevokedNow).toBe(true);
    const revocation = (await mailTo(db, email)).find((r) => r.payload.notification === 'badge_revoked');
    expect(revocation).toMatchObject({ status: 'failed', lastError: NOTIFICATION_OFF });
    // Turning it back on in Settings lifts the address's unsubscribe too.
    await setPreferences(db, { userId: user.id, preferences: ALL_ON });
    const { mutedAddresses } = await import('./preferences');
    expect(await mutedAddresses(db, 'badge_revoked', [email])).toEqual(new Set());
  });

  it('stops a queued notification whose kind was turned off before delivery', async () => {
    const db = await getDb();
    const fake: FakeResend = await startFakeResend();
    const previous = process.env.RESEND_BASE_URL;
    process.env.RESEND_BASE_URL = fake.url;
    try {
      const send = createResendSender({ apiKey: 're_test', from: 'Laurel <badges@laurel.example>' });
      const first = await makeAward(db, await makeIssuer(db));
      const [row] = await mailTo(db, first.award.recipientEmail);
      expect(await deliverEmail({ db, send, outboxId: row?.id ?? '', isLastAttempt: false })).toBe('sent');
      // The provider got the one-click headers.
      expect(fake.emails[0]?.headers).toMatchObject({
        'List-Unsubscribe': expect.stringMatching(/^<http:\/\/.+\/unsubscribe\/[A-Za-z0-9_-]+>$/),
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      });
      const secondIssuer = await makeIssuer(db);
      const second = await makeAward(db, secondIssuer);
      const [queued] = await mailTo(db, second.award.recipientEmail);
      await unsubscribe(db, { email: second.award.recipientEmail, kind: 'badge_awarded' });
      expect(await deliverEmail({ db, send, outboxId: queued?.id ?? '', isLastAttempt: false })).toBe(
        'failed',
      );
      expect(fake.emails).toHaveLength(1);
      const [settled] = await mailTo(db, second.award.recipientEmail);
      expect(settled).toMatchObject({ status: 'failed', lastError: NOTIFICATION_OFF });
      const found = await findAwardWithHistory(db, {
        issuerId: secondIssuer.issuer.id,
        awardId: second.award.id,
      });
      expect(found?.events.map((e) => e.kind)).toEqual(['created', 'email_withheld']);
    } finally {
      if (previous === undefined) delete process.env.RESEND_BASE_URL;
      else process.env.RESEND_BASE_URL = previous;
      await fake.close();
    }
  });
});

describe('expiry reminders', () => {
  it('reminds the owner once, at their primary address, 30 days before expiry, even with two workers', async () => {
    const db = await getDb();
    const soon = await acceptedExpiring(db, { days: 20 });
    const later = await acceptedExpiring(db, { days: 45 });
    await Promise.all([
      sendExpiryReminders(db, { config: testConfig }),
      sendExpiryReminders(db, { config: testConfig }),
    ]);
    await sendExpiryReminders(db, { config: testConfig });
    const reminders = (await mailTo(db, soon.email)).filter(
      (r) => r.payload.notification === 'badge_expiring',
    );
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.payload.subject).toMatch(/^Your Linux Fundamentals badge expires on /);
    expect(reminders[0]?.payload.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(reminders[0]?.awardId).toBe(soon.award.id);
    const laterMail = (await mailTo(db, later.email)).filter(
      (r) => r.payload.notification === 'badge_expiring',
    );
    expect(laterMail).toEqual([]);
  });

  it('sends nothing when "badge expiring" is off, and not later either', async () => {
    const db = await getDb();
    const { user, email, award } = await acceptedExpiring(db, { days: 5 });
    await setPreferences(db, { userId: user.id, preferences: { ...ALL_ON, badge_expiring: false } });
    await sendExpiryReminders(db, { config: testConfig });
    const rows = (await mailTo(db, email)).filter((r) => r.payload.notification === 'badge_expiring');
    expect(rows.map((r) => [r.status, r.lastError])).toEqual([['failed', NOTIFICATION_OFF]]);
    const marker = await db
      .select()
      .from(awardExpiryReminders)
      .where(and(eq(awardExpiryReminders.awardId, award.id)));
    expect(marker).toHaveLength(1);
  });
});
