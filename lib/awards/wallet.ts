import { and, desc, eq, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { awards, badgeTemplates, issuers, userEmails } from '@/db/schema';
import { isUserOptedOut } from './opt-out';

const walletColumns = {
  id: awards.id,
  state: awards.state,
  isPublic: awards.isPublic,
  viewCount: awards.viewCount,
  verifyCount: awards.verifyCount,
  shareCount: awards.shareCount,
  recipientName: awards.recipientName,
  recipientEmail: awards.recipientEmail,
  issuedAt: awards.issuedAt,
  expiresAt: awards.expiresAt,
  decidedAt: awards.decidedAt,
  revokedAt: awards.revokedAt,
  revocationReason: awards.revocationReason,
  evidence: awards.evidence,
  badgeName: badgeTemplates.name,
  badgeDescription: badgeTemplates.description,
  badgeImageId: badgeTemplates.imageId,
  criteriaNarrative: badgeTemplates.criteriaNarrative,
  criteriaUrl: badgeTemplates.criteriaUrl,
  skills: badgeTemplates.skills,
  issuerName: issuers.name,
  issuerUrl: issuers.url,
  issuerEmail: issuers.email,
};

export type WalletBadge = Awaited<ReturnType<typeof listWallet>>[number];

/**
 * The awards a user may see in their wallet: the ones they accepted, and pending ones sent to
 * any of their verified addresses.
 */
function visibleTo(userId: string, input: { includePending: boolean } = { includePending: true }) {
  const verifiedAddresses = (db: Executor) =>
    db
      .select({ email: userEmails.email })
      .from(userEmails)
      .where(and(eq(userEmails.userId, userId), isNotNull(userEmails.verifiedAt)));
  return (db: Executor) =>
    or(
      and(eq(awards.userId, userId), eq(awards.state, 'accepted')),
      input.includePending
        ? and(
            eq(awards.state, 'pending'),
            isNull(awards.revokedAt),
            inArray(awards.recipientEmail, verifiedAddresses(db)),
          )
        : undefined,
    );
}

function walletQuery(db: Executor) {
  return db
    .select(walletColumns)
    .from(awards)
    .innerJoin(badgeTemplates, eq(badgeTemplates.id, awards.templateId))
    .innerJoin(issuers, eq(issuers.id, awards.issuerId));
}

/** While the learner has opted out of achievements, badges waiting for a decision are hidden. */
export async function listWallet(db: Executor, userId: string) {
  const includePending = !(await isUserOptedOut(db, userId));
  return walletQuery(db)
    .where(visibleTo(userId, { includePending })(db))
    .orderBy(desc(awards.issuedAt), desc(awards.createdAt));
}

/** One wallet badge, or null when it is not this user's to see (another user's award is a 404). */
export async function findWalletBadge(db: Executor, input: { userId: string; awardId: string }) {
  const includePending = !(await isUserOptedOut(db, input.userId));
  const [row] = await walletQuery(db).where(
    and(eq(awards.id, input.awardId), visibleTo(input.userId, { includePending })(db)),
  );
  return row ?? null;
}

/**
 * A badge this user just declined (from the wallet or a claim link while signed in), named so the
 * wallet can say which one; null for anything else.
 */
export async function findDeclinedBadge(db: Executor, input: { userId: string; awardId: string }) {
  const [row] = await db
    .select({ badgeName: badgeTemplates.name, issuerName: issuers.name })
    .from(awards)
    .innerJoin(badgeTemplates, eq(badgeTemplates.id, awards.templateId))
    .innerJoin(issuers, eq(issuers.id, awards.issuerId))
    .where(and(eq(awards.id, input.awardId), eq(awards.userId, input.userId), eq(awards.state, 'declined')));
  return row ?? null;
}
