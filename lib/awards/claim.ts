import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db, Executor, Tx } from '@/db/client';
import { awards, badgeTemplates, claimTokens, issuers, userEmails } from '@/db/schema';
import { releaseUnconfirmedAddress } from '@/lib/accounts/address-owner';
import { hashToken } from '@/lib/crypto/tokens';
import { AppError } from '@/lib/errors';
import { issueCredentialAfterAccept } from '@/lib/openbadges/ob3/credentials';
import { enqueueWebhookEvent } from '@/lib/webhooks/events';
import { recordAwardEvent } from './history';

/** Who to ask about a badge whose link no longer works. */
type OfferNames = { issuerName: string; issuerEmail: string; issuerUrl: string; badgeName: string };

export type ClaimLookup =
  | { status: 'unknown' }
  | ({ status: 'expired' | 'used' | 'replaced' | 'revoked' } & OfferNames)
  | ({ status: 'declined'; declinedAt: Date } & OfferNames)
  | { status: 'open'; offer: ClaimOffer; linkCreatedAt: Date };

export type ClaimOffer = NonNullable<Awaited<ReturnType<typeof loadOffer>>>;

function loadOffer(db: Executor, awardId: string) {
  return db
    .select({
      awardId: awards.id,
      state: awards.state,
      recipientEmail: awards.recipientEmail,
      recipientName: awards.recipientName,
      issuedAt: awards.issuedAt,
      expiresAt: awards.expiresAt,
      decidedAt: awards.decidedAt,
      revokedAt: awards.revokedAt,
      badgeName: badgeTemplates.name,
      badgeDescription: badgeTemplates.description,
      badgeImageId: badgeTemplates.imageId,
      criteriaNarrative: badgeTemplates.criteriaNarrative,
      criteriaUrl: badgeTemplates.criteriaUrl,
      skills: badgeTemplates.skills,
      issuerName: issuers.name,
      issuerUrl: issuers.url,
      issuerEmail: issuers.email,
    })
    .from(awards)
    .innerJoin(badgeTemplates, eq(badgeTemplates.id, awards.templateId))
    .innerJoin(issuers, eq(issuers.id, awards.issuerId))
    .where(eq(awards.id, awardId))
    .then((rows) => rows[0]);
}

/** What a claim link leads to: the offered badge, or why the link no longer works. */
export async function lookupClaim(db: Executor, token: string, now = new Date()): Promise<ClaimLookup> {
  const [row] = await db
    .select()
    .from(claimTokens)
    .where(eq(claimTokens.tokenHash, hashToken(token)));
  if (!row) return { status: 'unknown' };
  const offer = await loadOffer(db, row.awardId);
  if (!offer) return { status: 'unknown' };
  const names = {
    issuerName: offer.issuerName,
    issuerEmail: offer.issuerEmail,
    issuerUrl: offer.issuerUrl,
    badgeName: offer.badgeName,
  };
  if (offer.revokedAt) return { status: 'revoked', ...names };
  if (offer.state === 'declined') return { status: 'declined', declinedAt: offer.decidedAt ?? now, ...names };
  // Deciding retires every link, so a spent link to a still-pending award was replaced by a resend.
  if (row.usedAt && offer.state === 'pending') return { status: 'replaced', ...names };
  if (row.usedAt || offer.state !== 'pending') return { status: 'used', ...names };
  if (row.expiresAt <= now) return { status: 'expired', ...names };
  return { status: 'open', offer, linkCreatedAt: row.createdAt };
}

/** Marks the token used if it is still live; exactly one concurrent caller gets the award id. */
async function consumeToken(tx: Tx, token: string): Promise<string> {
  const [row] = await tx
    .update(claimTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(claimTokens.tokenHash, hashToken(token)),
        isNull(claimTokens.usedAt),
        gt(claimTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({ awardId: claimTokens.awardId });
  if (row) return row.awardId;
  const lookup = await lookupClaim(tx, token);
  if (lookup.status === 'expired') throw new AppError('conflict', 'This claim link has expired.');
  if (lookup.status === 'unknown') throw new AppError('not_found', 'This claim link is not valid.');
  if (lookup.status === 'revoked') throw new AppError('conflict', 'The issuer has revoked this badge.');
  if (lookup.status === 'replaced') {
    throw new AppError(
      'conflict',
      'A newer claim link for this badge was emailed to you; this one no longer works. Use the link in the most recent email.',
    );
  }
  throw new AppError('conflict', 'This badge has already been accepted or declined.');
}

const DECIDED_VIA = { link: 'Via the claim link', wallet: 'From the wallet' } as const;

/** Moves a pending award to its final state; the condition makes a second decision fail. */
async function settle(
  tx: Tx,
  input: {
    awardId: string;
    state: 'accepted' | 'declined';
    userId: string | null;
    isPublic?: boolean;
    via: keyof typeof DECIDED_VIA;
  },
) {
  const [row] = await tx
    .update(awards)
    .set({
      state: input.state,
      userId: input.userId,
      decidedAt: sql`now()`,
      isPublic: input.isPublic ?? true,
    })
    .where(and(eq(awards.id, input.awardId), eq(awards.state, 'pending'), isNull(awards.revokedAt)))
    .returning();
  if (!row) throw new AppError('conflict', 'This badge has already been accepted or declined.');
  // Webhooks: award.accepted / award.declined, committed with the decision.
  await enqueueWebhookEvent(tx, { issuerId: row.issuerId, event: `award.${input.state}`, award: row });
  await recordAwardEvent(tx, { awardId: row.id, kind: input.state, detail: DECIDED_VIA[input.via] });
  // Any other link sent for this award stops working too.
  await tx
    .update(claimTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(claimTokens.awardId, input.awardId), isNull(claimTokens.usedAt)));
  return row;
}

/**
 * The token proves control of the award's address, so the address joins the learner's account
 * as verified. An account that holds it unconfirmed loses it (it may be a squatter); an address
 * confirmed by another account is refused rather than moved.
 */
async function attachAddress(tx: Tx, input: { userId: string; email: string }) {
  const holder = await releaseUnconfirmedAddress(tx, input);
  if (holder === 'taken') {
    throw new AppError(
      'conflict',
      `${input.email} belongs to another Laurel account. Sign in to that account to accept this badge.`,
    );
  }
  if (holder === 'free') {
    await tx.insert(userEmails).values({ userId: input.userId, email: input.email, verifiedAt: new Date() });
    return;
  }
  await tx
    .update(userEmails)
    .set({ verifiedAt: sql`coalesce(${userEmails.verifiedAt}, now())` })
    .where(and(eq(userEmails.userId, input.userId), eq(userEmails.email, input.email)));
}

/** Accepts with a claim link; the learner chose public or private on the claim screen. */
export async function acceptWithToken(db: Db, input: { token: string; userId: string; isPublic?: boolean }) {
  const accepted = await db.transaction(async (tx) => {
    const awardId = await consumeToken(tx, input.token);
    const award = await settle(tx, {
      awardId,
      state: 'accepted',
      userId: input.userId,
      isPublic: input.isPublic,
      via: 'link',
    });
    await attachAddress(tx, { userId: input.userId, email: award.recipientEmail });
    return award;
  });
  await issueCredentialAfterAccept(db, accepted.id);
  return accepted;
}

/** Declining needs no account: the link alone proves the learner received the offer. */
export function declineWithToken(db: Db, input: { token: string; userId: string | null }) {
  return db.transaction(async (tx) => {
    const awardId = await consumeToken(tx, input.token);
    return settle(tx, { awardId, state: 'declined', userId: input.userId, via: 'link' });
  });
}

/** Accept or decline from the wallet: allowed when the award went to one of the user's verified addresses. */
export async function decidePendingAward(
  db: Db,
  input: { awardId: string; userId: string; decision: 'accepted' | 'declined'; isPublic?: boolean },
) {
  const decided = await db.transaction(async (tx) => {
    const [award] = await tx
      .select({ id: awards.id })
      .from(awards)
      .innerJoin(userEmails, eq(userEmails.email, awards.recipientEmail))
      .where(
        and(
          eq(awards.id, input.awardId),
          eq(userEmails.userId, input.userId),
          sql`${userEmails.verifiedAt} is not null`,
        ),
      );
    if (!award) throw new AppError('not_found', 'Badge not found.');
    return settle(tx, {
      awardId: award.id,
      state: input.decision,
      userId: input.userId,
      isPublic: input.isPublic,
      via: 'wallet',
    });
  });
  if (decided.state === 'accepted') await issueCredentialAfterAccept(db, decided.id);
  return decided;
}
