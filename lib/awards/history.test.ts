import { and, asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Db, getDb } from '@/db/client';
import { awards, type EmailMessage, outbox, users } from '@/db/schema';
import { deliverEmail, RetryLater } from '@/lib/email/outbox';
import type { SendResult } from '@/lib/email/send-email';
import {
  claimTokenFromOutbox,
  makeAward,
  makeIssuer,
  makeUser,
  testConfig,
  uniqueEmail,
} from '@/test/factories';
import { acceptWithToken, decidePendingAward, declineWithToken, lookupClaim } from './claim';
import { createAward } from './create-award';
import { findAwardWithHistory, OPTED_OUT_DETAIL, recordClaimOpened } from './history';
import { resendClaim } from './resend-claim';
import { revokeAward } from './revoke-award';

type Issued = Awaited<ReturnType<typeof makeIssuer>>;

async function history(db: Db, issued: Issued, awardId: string) {
  const found = await findAwardWithHistory(db, { issuerId: issued.issuer.id, awardId });
  if (!found) throw new Error(`no award ${awardId}`);
  return found.events;
}

const kinds = async (db: Db, issued: Issued, awardId: string) =>
  (await history(db, issued, awardId)).map((e) => e.kind);

/** Delivers this award's queued mail and nothing else, as its email jobs would. */
async function deliverAwardMail(db: Db, awardId: string, send: (m: EmailMessage) => SendResult) {
  const mine = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.awardId, awardId), eq(outbox.status, 'pending')));
  for (const { id } of mine)
    await deliverEmail({ db, send: async (m) => send(m), outboxId: id, isLastAttempt: false }).catch(
      (error) => {
        // A transient failure is the queue's to retry: the test looks at what was recorded.
        if (!(error instanceof RetryLater)) throw error;
      },
    );
}

const delivered = (): SendResult => ({ ok: true, providerId: 'test-provider-id' });

/** Opens the claim page for a token, as the page does when the link is live. */
async function openLink(db: Db, token: string) {
  const claim = await lookupClaim(db, token);
  if (claim.status !== 'open') return claim.status;
  return recordClaimOpened(db, { awardId: claim.offer.awardId, linkCreatedAt: claim.linkCreatedAt });
}

describe('award history', () => {
  it('records created, emailed, opened (once per link) and accepted, in order', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const { award, token } = await makeAward(db, issued);
    expect(await kinds(db, issued, award.id)).toEqual(['created']);
    const [mail] = await db.select().from(outbox).where(eq(outbox.awardId, award.id));
    expect(mail?.payload.to).toBe(award.recipientEmail);

    await deliverAwardMail(db, award.id, delivered);
    expect(await openLink(db, token)).toBe(true);
    // A reload, and two tabs at once: still one 'opened'.
    expect(await openLink(db, token)).toBe(false);
    expect((await Promise.all([openLink(db, token), openLink(db, token)])).filter(Boolean)).toEqual([]);
    const { user } = await makeUser(db, { email: award.recipientEmail });
    await acceptWithToken(db, { token, userId: user.id });

    const events = await history(db, issued, award.id);
    expect(events.map((e) => [e.kind, e.detail])).toEqual([
      ['created', null],
      ['emailed', `“${mail?.payload.subject}” to ${award.recipientEmail}`],
      ['opened', null],
      ['accepted', 'Via the claim link'],
    ]);
    const times = events.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('counts a resent link as a new one to open, and the old link says it was replaced', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const { award, token: oldToken } = await makeAward(db, issued);
    expect(await openLink(db, oldToken)).toBe(true);

    await resendClaim(db, { issuerId: issued.issuer.id, awardId: award.id, config: testConfig });
    const [, resent] = await db.select().from(outbox).where(eq(outbox.awardId, award.id));
    expect(resent?.awardId).toBe(award.id);
    expect(await lookupClaim(db, oldToken)).toEqual({
      status: 'replaced',
      issuerName: issued.issuer.name,
      issuerEmail: issued.issuer.email,
      issuerUrl: issued.issuer.url,
      badgeName: issued.template.name,
    });
    const { user } = await makeUser(db, { email: award.recipientEmail });
    await expect(acceptWithToken(db, { token: oldToken, userId: user.id })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/newer claim link .* emailed/),
    });

    const newToken = await claimTokenFromOutbox(db, award.recipientEmail);
    expect(await openLink(db, newToken)).toBe(true);
    expect(await openLink(db, newToken)).toBe(false);
    expect(await kinds(db, issued, award.id)).toEqual(['created', 'opened', 'resent', 'opened']);

    // Once decided, every link (old and new) is simply used.
    await acceptWithToken(db, { token: newToken, userId: user.id });
    expect((await lookupClaim(db, oldToken)).status).toBe('used');
    expect((await lookupClaim(db, newToken)).status).toBe('used');
  });

  it('records a decline from the link and a decision from the wallet', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const declined = await makeAward(db, issued);
    await declineWithToken(db, { token: declined.token, userId: null });
    expect((await history(db, issued, declined.award.id)).map((e) => [e.kind, e.detail])).toEqual([
      ['created', null],
      ['declined', 'Via the claim link'],
    ]);

    const learner = await makeUser(db);
    const fromWallet = await makeAward(db, issued, { email: learner.email });
    await decidePendingAward(db, {
      awardId: fromWallet.award.id,
      userId: learner.user.id,
      decision: 'accepted',
    });
    expect((await history(db, issued, fromWallet.award.id)).at(-1)).toMatchObject({
      kind: 'accepted',
      detail: 'From the wallet',
    });
  });

  it('records a revocation with its reason and emails the learner only when asked', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    // Oldest first: an updated row (sent, body cleared) may come back in any order without it.
    const mailFor = (awardId: string) =>
      db
        .select()
        .from(outbox)
        .where(eq(outbox.awardId, awardId))
        .orderBy(asc(outbox.createdAt), asc(outbox.id));

    const quiet = await makeAward(db, issued);
    const result = await revokeAward(db, {
      issuerId: issued.issuer.id,
      awardId: quiet.award.id,
      reason: 'Awarded to the wrong cohort',
    });
    expect(result).toMatchObject({ isRevokedNow: true, isRecipientNotified: false });
    expect((await history(db, issued, quiet.award.id)).map((e) => [e.kind, e.detail])).toEqual([
      ['created', null],
      ['revoked', 'Awarded to the wrong cohort'],
    ]);
    expect(await mailFor(quiet.award.id)).toHaveLength(1);

    const told = await makeAward(db, issued);
    await deliverAwardMail(db, told.award.id, delivered);
    const { user } = await makeUser(db, { email: told.award.recipientEmail });
    await acceptWithToken(db, { token: told.token, userId: user.id });
    const notify = {
      issuerId: issued.issuer.id,
      awardId: told.award.id,
      reason: 'The exam was retaken',
      notifyRecipient: true,
      config: testConfig,
    };
    expect(await revokeAward(db, notify)).toMatchObject({ isRevokedNow: true, isRecipientNotified: true });
    const [, notice] = await mailFor(told.award.id);
    expect(notice?.payload).toMatchObject({
      to: told.award.recipientEmail,
      subject: `Your Linux Fundamentals badge from ${issued.issuer.name} has been revoked`,
    });
    expect(notice?.payload.text).toContain('The exam was retaken');
    expect(notice?.payload.text).toContain('Anyone who views or verifies it will see that it was revoked');
    expect(notice?.payload.text).toContain(issued.issuer.email);

    // A repeat keeps the first revocation and tells no one again.
    expect(await revokeAward(db, { ...notify, reason: 'Again' })).toMatchObject({
      isRevokedNow: false,
      isRecipientNotified: false,
      award: { revocationReason: 'The exam was retaken' },
    });
    expect(await mailFor(told.award.id)).toHaveLength(2);

    await deliverAwardMail(db, told.award.id, delivered);
    const events = await history(db, issued, told.award.id);
    expect(events.map((e) => e.kind)).toEqual([
      'created',
      'emailed',
      'accepted',
      'revoked',
      'revocation_emailed',
      'emailed',
    ]);
    expect(events.at(-1)?.detail).toContain('has been revoked');
  });

  it('never emails a learner who opted out, when awarded or when revoked', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const optedOut = await makeUser(db);
    await db.update(users).set({ optedOutAt: new Date() }).where(eq(users.id, optedOut.user.id));
    await expect(makeAward(db, issued, { email: optedOut.email })).rejects.toThrow(/no claim email/);
    const [found] = await db.select().from(outbox).where(sql`${outbox.payload}->>'to' = ${optedOut.email}`);
    expect(found).toBeUndefined();
    const [award] = await db.select().from(awards).where(eq(awards.recipientEmail, optedOut.email));
    if (!award) throw new Error('no award');
    expect(award.state).toBe('opted_out');

    const revoke = { issuerId: issued.issuer.id, reason: 'Error', notifyRecipient: true, config: testConfig };
    expect(await revokeAward(db, { ...revoke, awardId: award.id })).toMatchObject({
      isRevokedNow: true,
      isRecipientNotified: false,
    });
    expect((await history(db, issued, award.id)).map((e) => [e.kind, e.detail])).toEqual([
      ['created', OPTED_OUT_DETAIL],
      ['revoked', 'Error'],
    ]);

    // Awarded while opted in, opted out since: still not told.
    const later = await makeUser(db);
    const pending = await makeAward(db, issued, { email: later.email });
    await db.update(users).set({ optedOutAt: new Date() }).where(eq(users.id, later.user.id));
    expect(await revokeAward(db, { ...revoke, awardId: pending.award.id })).toMatchObject({
      isRecipientNotified: false,
    });
    expect(await db.select().from(outbox).where(eq(outbox.awardId, pending.award.id))).toHaveLength(1);
  });

  it('records an email given up on with its error, not the retries before it', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const { award } = await makeAward(db, issued);
    const failing = (isRetryable: boolean) => (): SendResult => ({
      ok: false,
      isRetryable,
      error: isRetryable ? 'Service unavailable' : 'The to address is invalid',
    });

    await deliverAwardMail(db, award.id, failing(true));
    expect(await kinds(db, issued, award.id)).toEqual(['created']);
    await deliverAwardMail(db, award.id, failing(false));
    const events = await history(db, issued, award.id);
    expect(events.map((e) => e.kind)).toEqual(['created', 'email_failed']);
    expect(events[1]?.detail).toMatch(/^“You've earned .*” to .*: The to address is invalid$/);
    const [row] = await db.select().from(outbox).where(eq(outbox.awardId, award.id));
    expect(row?.status).toBe('failed');
  });

  it('in demo mode records the claim email as kept in the demo mailbox, not sent', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const { award } = await createAward({
      db,
      config: { ...testConfig, isDemoMode: true },
      issuer: issued.issuer,
      input: { templateId: issued.template.id, recipient: { email: uniqueEmail(), name: 'Demo Learner' } },
    });
    const events = await history(db, issued, award.id);
    expect(events.map((e) => e.kind)).toEqual(['created', 'emailed']);
    expect(events[1]?.detail).toMatch(/kept in the demo mailbox, not sent$/);
    const [row] = await db.select().from(outbox).where(eq(outbox.awardId, award.id));
    expect(row?.status).toBe('captured');
  });
});

describe('findAwardWithHistory', () => {
  it('finds only the issuer’s own award; another issuer’s or a malformed id is null', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const other = await makeIssuer(db);
    const { award } = await makeAward(db, issued);
    expect(await findAwardWithHistory(db, { issuerId: issued.issuer.id, awardId: award.id })).toMatchObject({
      award: { id: award.id },
      badge: { name: 'Linux Fundamentals' },
    });
    expect(await findAwardWithHistory(db, { issuerId: other.issuer.id, awardId: award.id })).toBeNull();
    expect(await findAwardWithHistory(db, { issuerId: issued.issuer.id, awardId: 'not-a-uuid' })).toBeNull();
  });
});
