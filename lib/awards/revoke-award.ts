import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { awards } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { findIssuerAward } from './create-award';

export const revokeInputSchema = z
  .object({ reason: z.string({ message: 'is required' }).trim().min(1, 'is required').max(500) })
  .strict();

/**
 * Revokes an issuer's award with a reason shown on every public surface. Revoking again keeps
 * the first revocation and returns it, so a retried request is harmless.
 */
export async function revokeAward(db: Db, input: { issuerId: string; awardId: string; reason: string }) {
  const [row] = await db
    .update(awards)
    .set({ revokedAt: sql`now()`, revocationReason: input.reason })
    .where(and(eq(awards.id, input.awardId), eq(awards.issuerId, input.issuerId), isNull(awards.revokedAt)))
    .returning();
  if (row) return row;
  const existing = await findIssuerAward(db, input);
  if (!existing) throw new AppError('not_found', 'No award with this id belongs to your issuer.');
  return existing;
}
