import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { awards, badgeTemplates, issuers, users } from '@/db/schema';

/**
 * An award as anyone may see it: accepted and public. Pending, declined, private or unknown
 * awards are null, so every public surface answers them with the same 404. So are the awards of
 * a learner who asked to delete the account (lib/accounts/deletion), from that moment.
 */
export async function findPublicAward(db: Executor, awardId: string) {
  const [row] = await awardWithDetails(db).where(
    and(eq(awards.id, awardId), eq(awards.state, 'accepted'), eq(awards.isPublic, true)),
  );
  return row ?? null;
}

/** The same view of an accepted award for its owner, public or private (wallet downloads). */
export async function findOwnedAward(db: Executor, input: { awardId: string; userId: string }) {
  const [row] = await awardWithDetails(db).where(
    and(eq(awards.id, input.awardId), eq(awards.state, 'accepted'), eq(awards.userId, input.userId)),
  );
  return row ?? null;
}

function awardWithDetails(db: Executor) {
  return db
    .select({ award: awards, template: badgeTemplates, issuer: issuers, earnerName: users.name })
    .from(awards)
    .innerJoin(badgeTemplates, eq(badgeTemplates.id, awards.templateId))
    .innerJoin(issuers, eq(issuers.id, awards.issuerId))
    .innerJoin(users, and(eq(users.id, awards.userId), isNull(users.deletionRequestedAt)));
}

export type PublicAward = NonNullable<Awaited<ReturnType<typeof findPublicAward>>>;

export type AwardStatus =
  | { kind: 'valid' }
  | { kind: 'expired'; on: Date }
  | { kind: 'revoked'; reason: string; on: Date };

/** The status line of a badge: revoked wins over expired. */
export function awardStatus(
  award: Pick<PublicAward['award'], 'revokedAt' | 'revocationReason' | 'expiresAt'>,
  now = new Date(),
): AwardStatus {
  if (award.revokedAt)
    return { kind: 'revoked', reason: award.revocationReason ?? 'No reason given', on: award.revokedAt };
  if (award.expiresAt && award.expiresAt <= now) return { kind: 'expired', on: award.expiresAt };
  return { kind: 'valid' };
}
