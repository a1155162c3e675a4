import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '@/db/client';
import { type Award, awards, badgeTemplates, issuers } from '@/db/schema';
import type { Config } from '@/lib/config';
import { enqueueEmail } from '@/lib/email/outbox';
import { badgeRevokedMessage } from '@/lib/email/render';
import { AppError } from '@/lib/errors';
import { markStatusChanged } from '@/lib/openbadges/status/list-credential';
import { enqueueWebhookEvent } from '@/lib/webhooks/events';
import { findIssuerAward } from './create-award';
import { recordAwardEvent } from './history';
import { isAddressOptedOut } from './opt-out';

export const revokeInputSchema = z
  .object({
    reason: z.string({ message: 'is required' }).trim().min(1, 'is required').max(500),
    notifyRecipient: z.boolean({ message: 'must be true or false' }).optional().meta({
      description:
        'Also email the recipient that the badge was revoked, with the reason (default false). Never sent to a learner who opted out of achievements, nor on a repeated revocation.',
    }),
  })
  .strict();

type RevokeInput = { issuerId: string; awardId: string; reason: string } & (
  | { notifyRecipient?: false; config?: undefined }
  | { notifyRecipient?: boolean; config: Pick<Config, 'isDemoMode'> }
);

export type RevokeResult = {
  award: Award;
  /** False when the award was already revoked: the first revocation stands and nothing is sent. */
  isRevokedNow: boolean;
  /** True when an email telling the learner was queued with this revocation. */
  isRecipientNotified: boolean;
};

/**
 * Revokes an issuer's award with a reason shown on every public surface, optionally telling the
 * learner by email. Revoking again keeps the first revocation and returns it, so a retried request
 * is harmless (and sends nothing). The webhook, the history steps and the email are written in the
 * revocation's transaction; the email's delivery later adds its own 'emailed' step.
 */
export async function revokeAward(db: Db, input: RevokeInput): Promise<RevokeResult> {
  // Rendered before the transaction, like every email, so the award is not locked while it renders.
  const notice = input.notifyRecipient && input.config ? await draftNotice(db, input) : null;
  const result = await db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(awards)
      .set({ revokedAt: sql`now()`, revocationReason: input.reason })
      .where(and(eq(awards.id, input.awardId), eq(awards.issuerId, input.issuerId), isNull(awards.revokedAt)))
      .returning();
    if (!revoked) return null;
    await markStatusChanged(tx, [revoked.id]);
    await enqueueWebhookEvent(tx, { issuerId: input.issuerId, event: 'award.revoked', award: revoked });
    await recordAwardEvent(tx, { awardId: revoked.id, kind: 'revoked', detail: input.reason });
    const isRecipientNotified =
      notice && input.config
        ? await notifyRecipient(tx, { award: revoked, notice, config: input.config })
        : false;
    return { award: revoked, isRevokedNow: true, isRecipientNotified };
  });
  if (result) return result;
  const existing = await findIssuerAward(db, input);
  if (!existing) throw new AppError('not_found', 'No award with this id belongs to your issuer.');
  return { award: existing, isRevokedNow: false, isRecipientNotified: false };
}

type Notice = Awaited<ReturnType<typeof draftNotice>>;

async function draftNotice(db: Db, input: { issuerId: string; awardId: string; reason: string }) {
  const [found] = await db
    .select({
      state: awards.state,
      recipientName: awards.recipientName,
      badgeName: badgeTemplates.name,
      issuerName: issuers.name,
      issuerEmail: issuers.email,
    })
    .from(awards)
    .innerJoin(badgeTemplates, eq(badgeTemplates.id, awards.templateId))
    .innerJoin(issuers, eq(issuers.id, awards.issuerId))
    .where(and(eq(awards.id, input.awardId), eq(awards.issuerId, input.issuerId)));
  if (!found) return null;
  const { state, ...props } = found;
  // Sent for the issuer, like the claim email: their name on the From line, replies to them.
  const sender = { senderName: props.issuerName, replyTo: props.issuerEmail };
  const render = async (wasAccepted: boolean) => ({
    ...(await badgeRevokedMessage({ ...props, reason: input.reason, wasAccepted })),
    ...sender,
  });
  return { state, render, message: await render(state === 'accepted') };
}

/** Queues the revocation email unless the learner opted out (then or since); true when queued. */
async function notifyRecipient(
  tx: Tx,
  input: { award: Award; notice: NonNullable<Notice>; config: Pick<Config, 'isDemoMode'> },
) {
  const { award, notice } = input;
  if (award.state === 'opted_out' || (await isAddressOptedOut(tx, award.recipientEmail))) return false;
  // Accepted (or declined) between the draft and the revocation: the wording depends on it.
  const message =
    notice.state === award.state ? notice.message : await notice.render(award.state === 'accepted');
  // This step says the learner is being told; the delivery adds 'emailed' (or 'email_failed') after it.
  await recordAwardEvent(tx, {
    awardId: award.id,
    kind: 'revocation_emailed',
    detail: `To ${award.recipientEmail}`,
  });
  await enqueueEmail(tx, {
    message: { to: award.recipientEmail, ...message },
    isDemoMode: input.config.isDemoMode,
    awardId: award.id,
  });
  return true;
}
