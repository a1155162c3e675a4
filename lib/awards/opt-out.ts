import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { userEmails, users } from '@/db/schema';

/**
 * The one rule for "may we email this learner about achievements": an address is opted out when it
 * is a verified address of a user who opted out. Call it in the transaction that queues the email:
 * it share-locks those users' rows, so an opt-out saved at the same moment waits for the email to
 * be queued (and the delivery check in lib/email/outbox.ts then stops it) or is seen here.
 */
export async function optedOutAddresses(db: Executor, emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await db
    .select({ email: userEmails.email, optedOutAt: users.optedOutAt })
    .from(userEmails)
    .innerJoin(users, eq(users.id, userEmails.userId))
    .where(and(inArray(userEmails.email, emails), isNotNull(userEmails.verifiedAt)))
    .for('share', { of: users });
  return new Set(rows.filter((r) => r.optedOutAt).map((r) => r.email));
}

/** True when the address is a verified address of a learner who opted out of achievements. */
export async function isAddressOptedOut(db: Executor, email: string): Promise<boolean> {
  return (await optedOutAddresses(db, [email])).has(email);
}

export async function isUserOptedOut(db: Executor, userId: string): Promise<boolean> {
  const [row] = await db.select({ optedOutAt: users.optedOutAt }).from(users).where(eq(users.id, userId));
  return Boolean(row?.optedOutAt);
}

/** Why a learner email is not sent; shown to issuers and kept in the outbox and history. */
export const OPTED_OUT_REFUSAL = 'The learner has opted out of achievements, so no email is sent to them.';
