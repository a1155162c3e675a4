import { and, eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import type { Executor } from '@/db/client';
import { awards } from '@/db/schema';
import { badgeKey, forgetKnown } from '@/lib/cache-gate/known-memo';

/**
 * Drops the cached public page and embed card of an award after anything shown on them changed.
 * With REDIS_URL the revalidation reaches every app instance (lib/redis/cache-handler.mjs).
 */
export function refreshBadgePage(awardId: string) {
  forgetKnown(badgeKey(awardId));
  revalidatePath(`/badges/${awardId}`);
  revalidatePath(`/badges/${awardId}/embed`);
}

/** After a change to the earner shown on every badge of theirs (the name): all their public pages. */
export async function refreshBadgePagesOf(db: Executor, userId: string) {
  const shown = await db
    .select({ id: awards.id })
    .from(awards)
    .where(and(eq(awards.userId, userId), eq(awards.state, 'accepted'), eq(awards.isPublic, true)));
  for (const { id } of shown) refreshBadgePage(id);
}
