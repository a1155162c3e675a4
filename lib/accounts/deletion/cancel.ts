import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { users } from '@/db/schema';
import { isDeletionInGrace } from './due';

/**
 * Signing in during the grace period cancels the deletion: true when there was one to cancel
 * (the caller then refreshes the badge pages and tells the learner). A deletion past its grace
 * period is not cancelled: it is final, and the upkeep erases the account on its next run.
 */
export async function cancelAccountDeletion(db: Executor, userId: string): Promise<boolean> {
  const cancelled = await db
    .update(users)
    .set({ deletionRequestedAt: null })
    .where(and(eq(users.id, userId), isDeletionInGrace()))
    .returning({ id: users.id });
  return cancelled.length > 0;
}
