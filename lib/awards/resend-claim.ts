import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { type Award, awardEvents, awards, badgeTemplates, claimTokens, issuers } from '@/db/schema';
import type { Config } from '@/lib/config';
import { newToken } from '@/lib/crypto/tokens';
import { enqueueEmail } from '@/lib/email/outbox';
import { AppError } from '@/lib/errors';
import { claimLinkExpiry } from './award-dates';
import { claimMessage } from './claim-mail';
import { recordAwardEvent } from './history';
import { isAddressOptedOut, OPTED_OUT_REFUSAL } from './opt-out';

const NOT_FOUND = 'No award with this id belongs to your issuer.';

type ResendOptions = {
  issuerId: string;
  awardId: string;
  config: Pick<Config, 'appUrl' | 'claimTokenTtlDays' | 'isDemoMode'>;
  /** A retry with the same key answers with the award and sends nothing. */
  idempotencyKey?: string | null;
};

// The key is kept on the award's 'resent' event: per award, which is the only scope a resend has.
const eventDetail = (key: string | null | undefined) => (key ? `Idempotency-Key: ${key}` : null);

function refusal(award: Award, now: Date): string | null {
  if (award.revokedAt) return 'This award has been revoked; there is nothing to claim.';
  if (award.state !== 'pending')
    return `This award is ${award.state.replace('_', ' ')}, not pending: only pending awards can be resent.`;
  if (award.expiresAt && award.expiresAt <= now)
    return 'This award has expired; award the badge again instead.';
  return null;
}

/**
 * Sends a pending award's claim email again with a new link. Earlier links stop working (they are
 * marked used), and the resend is recorded in the award's history — all in one transaction, under
 * a lock on the award so a concurrent accept or resend waits its turn.
 */
export async function resendClaim(db: Db, opts: ResendOptions): Promise<{ award: Award; isReplay: boolean }> {
  const [found] = await db
    .select({
      award: awards,
      template: badgeTemplates,
      issuer: { name: issuers.name, email: issuers.email },
    })
    .from(awards)
    .innerJoin(badgeTemplates, eq(badgeTemplates.id, awards.templateId))
    .innerJoin(issuers, eq(issuers.id, awards.issuerId))
    .where(and(eq(awards.id, opts.awardId), eq(awards.issuerId, opts.issuerId)));
  if (!found) throw new AppError('not_found', NOT_FOUND);

  const claim = newToken();
  const message = await claimMessage({
    config: opts.config,
    issuer: found.issuer,
    template: found.template,
    recipientName: found.award.recipientName,
    expiresAt: found.award.expiresAt,
    token: claim.token,
  });
  const detail = eventDetail(opts.idempotencyKey);

  return db.transaction(async (tx) => {
    const [award] = await tx.select().from(awards).where(eq(awards.id, found.award.id)).for('update');
    if (!award) throw new AppError('not_found', NOT_FOUND);
    if (detail) {
      const [previous] = await tx
        .select({ id: awardEvents.id })
        .from(awardEvents)
        .where(
          and(
            eq(awardEvents.awardId, award.id),
            eq(awardEvents.kind, 'resent'),
            eq(awardEvents.detail, detail),
          ),
        );
      if (previous) return { award, isReplay: true };
    }
    const now = new Date();
    const reason = refusal(award, now);
    if (reason) throw new AppError('conflict', reason);
    // Opting out after the award was made stops every later email about it, this one included.
    if (await isAddressOptedOut(tx, award.recipientEmail)) throw new AppError('conflict', OPTED_OUT_REFUSAL);
    await tx
      .update(claimTokens)
      .set({ usedAt: sql`now()` })
      .where(and(eq(claimTokens.awardId, award.id), isNull(claimTokens.usedAt)));
    await tx.insert(claimTokens).values({
      tokenHash: claim.hash,
      awardId: award.id,
      expiresAt: claimLinkExpiry(opts.config, now),
    });
    // 'resent' before the email, whose delivery (or demo capture) is the next step in the history.
    await recordAwardEvent(tx, { awardId: award.id, kind: 'resent', detail });
    await enqueueEmail(tx, {
      message: { to: award.recipientEmail, ...message },
      isDemoMode: opts.config.isDemoMode,
      awardId: award.id,
    });
    return { award, isReplay: false };
  });
}
