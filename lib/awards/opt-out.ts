import { and, eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { userEmails, users } from '@/db/schema';

/** True when the address is a verified address of a learner who opted out of achievements. */
export async function isAddressOptedOut(db: Executor, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(userEmails)
    .innerJoin(users, eq(users.id, userEmails.userId))
    .where(and(eq(userEmails.email, email), isNotNull(userEmails.verifiedAt), isNotNull(users.optedOutAt)));
  return Boolean(row);
}

export async function isUserOptedOut(db: Executor, userId: string): Promise<boolean> {
  const [row] = await db.select({ optedOutAt: users.optedOutAt }).from(users).where(eq(users.id, userId));
  return Boolean(row?.optedOutAt);
}
