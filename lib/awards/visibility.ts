import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { awards } from '@/db/schema';
import { AppError } from '@/lib/errors';

const owned = (input: { userId: string; awardId: string }) =>
  and(eq(awards.id, input.awardId), eq(awards.userId, input.userId), eq(awards.state, 'accepted'));

/**
 * Makes one of the user's accepted badges public or private. Another user's badge is not found.
 * A revoked badge may be hidden but not made public again: the issuer withdrew it.
 */
export async function setAwardVisibility(
  db: Db,
  input: { userId: string; awardId: string; isPublic: boolean },
) {
  const [row] = await db
    .update(awards)
    .set({ isPublic: input.isPublic })
    .where(and(owned(input), input.isPublic ? isNull(awards.revokedAt) : undefined))
    .returning({ id: awards.id, isPublic: awards.isPublic });
  if (row) return row;
  const [exists] = await db.select({ id: awards.id }).from(awards).where(owned(input));
  if (exists) {
    throw new AppError('conflict', 'The issuer revoked this badge, so it cannot be made public again.');
  }
  throw new AppError('not_found', 'Badge not found.');
}

/** Still valid: neither revoked nor past its expiry date. Only such a badge can be shared. */
const isStillValid = () =>
  and(isNull(awards.revokedAt), or(isNull(awards.expiresAt), gt(awards.expiresAt, sql`now()`)));

export const BADGE_EVENTS = ['view', 'verify', 'share'] as const;
export type BadgeEvent = (typeof BADGE_EVENTS)[number];

const column = { view: awards.viewCount, verify: awards.verifyCount, share: awards.shareCount } as const;
const key = { view: 'viewCount', verify: 'verifyCount', share: 'shareCount' } as const;

/**
 * Counts a view, verification or share of a public badge. Only a number goes up: nothing about
 * the visitor is stored. Private or unknown badges count nothing, and a revoked or expired badge
 * counts no shares (the wallet offers none).
 */
export async function countBadgeEvent(
  db: Executor,
  /** `ownerId`: count only if the badge is theirs. */
  input: { awardId: string; event: BadgeEvent; ownerId?: string },
): Promise<boolean> {
  const counted = await db
    .update(awards)
    .set({ [key[input.event]]: sql`${column[input.event]} + 1` })
    .where(
      and(
        eq(awards.id, input.awardId),
        eq(awards.state, 'accepted'),
        eq(awards.isPublic, true),
        input.ownerId ? eq(awards.userId, input.ownerId) : undefined,
        input.event === 'share' ? isStillValid() : undefined,
      ),
    )
    .returning({ id: awards.id });
  return counted.length > 0;
}
