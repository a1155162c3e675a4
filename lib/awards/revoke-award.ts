import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { awards } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { enqueueWebhookEvent } from '@/lib/webhooks/events';
import { findIssuerAward } from './create-award';

export const revokeInputSchema = z
  .object({ reason: z.string({ message: 'is required' }).trim().min(1, 'is required').max(500) })
  .strict();

/**
 * Revokes an issuer's award with a reason shown on every public surface. Revoking again keeps
 * the first revocation and returns it, so a retried request is harmless.
 */
export async function revokeAward(db: Db, input: { issuerId: string; awardId: string; reason: string }) {
  // Webhooks: a transaction so award.revoked is queued only with the revocation itself.
  const row = await db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(awards)
      .set({ revokedAt: sql`now()`, revocationReason: input.reason })
      .where(and(eq(awards.id, input.awardId), eq(awards.issuerId, input.issuerId), isNull(awards.revokedAt)))
      .returning();
    if (revoked)
      await enqueueWebhookEvent(tx, { issuerId: input.issuerId, event: 'award.revoked', award: revoked });
    return revoked;
  });
  if (row) return row;
  const existing = await findIssuerAward(db, input);
  if (!existing) throw new AppError('not_found', 'No award with this id belongs to your issuer.');
  return existing;
}
