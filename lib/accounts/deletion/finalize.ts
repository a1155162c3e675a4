import 'server-only';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import {
  type Award,
  awardEvents,
  awards,
  badgeViews,
  images,
  notificationOptOuts,
  outbox,
  rateLimitCounters,
  signInFailures,
  userEmails,
  users,
} from '@/db/schema';
import { awardEventValues } from '@/lib/awards/history';
import { enqueueWebhookEvents } from '@/lib/webhooks/events';
import { targetCounterKeys } from '../request-limits';
import { isDeletionDue } from './due';

/** Accounts erased per query round; each one is its own short transaction. */
const BATCH_SIZE = 50;

/** The history step an issuer sees on each award that went back to unclaimed. */
export const UNCLAIMED_DETAIL = 'The learner deleted their Laurel account; the badge can be claimed again';

/**
 * The upkeep's part of account deletion: erases every account whose grace period is over.
 * Idempotent and safe with several workers: each account is taken under a row lock that others
 * skip, and checked again under it (a sign-in may have cancelled it meanwhile).
 */
export async function finalizeAccountDeletions(db: Db, options: { batchSize?: number } = {}) {
  const batchSize = options.batchSize ?? BATCH_SIZE;
  let erased = 0;
  for (;;) {
    const due = await db
      .select({ id: users.id })
      .from(users)
      .where(isDeletionDue())
      .orderBy(users.deletionRequestedAt)
      .limit(batchSize);
    let erasedNow = 0;
    for (const { id } of due) if (await eraseAccount(db, id)) erasedNow++;
    erased += erasedNow;
    // Done, or the rest is another worker's (locked) right now.
    if (due.length < batchSize || erasedNow === 0) return { erased };
  }
}

/**
 * One account, in one transaction: its accepted awards go back to unclaimed (pending, no owner:
 * whoever proves the address can accept them again) with an `award.unclaimed` webhook and a
 * history step each; then everything that names the person goes — mail to their addresses, sign-in
 * failures and request counters keyed by them, the users row with what cascades from it
 * (addresses, tokens, sessions, memberships), and the photo. The award's recipient name and
 * address stay: they are the issuer's record of the award, not the account's.
 */
async function eraseAccount(db: Db, userId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ photoImageId: users.photoImageId })
      .from(users)
      .where(and(eq(users.id, userId), isDeletionDue()))
      .for('update', { skipLocked: true });
    if (!user) return false;
    const addresses = (
      await tx.select({ email: userEmails.email }).from(userEmails).where(eq(userEmails.userId, userId))
    ).map((row) => row.email.toLowerCase());

    await unclaimAwards(tx, userId);
    if (addresses.length > 0) await eraseAddressTraces(tx, addresses);
    await tx.delete(users).where(eq(users.id, userId));
    if (user.photoImageId) await tx.delete(images).where(eq(images.id, user.photoImageId));
    return true;
  });
}

async function unclaimAwards(tx: Tx, userId: string) {
  const unclaimed = await tx
    .update(awards)
    .set({
      state: 'pending',
      userId: null,
      // As a new award: the next person to accept it chooses again.
      isPublic: true,
      decidedAt: null,
      viewCount: 0,
      verifyCount: 0,
      shareCount: 0,
    })
    .where(and(eq(awards.userId, userId), eq(awards.state, 'accepted')))
    .returning();
  // A declined award stays declined (the address holder decided); only the link to the account goes.
  await tx.update(awards).set({ userId: null }).where(eq(awards.userId, userId));
  if (unclaimed.length === 0) return;
  const ids = unclaimed.map((award) => award.id);
  await tx.delete(badgeViews).where(inArray(badgeViews.awardId, ids));
  await tx.insert(awardEvents).values(ids.map((id) => awardEventValues(id, 'unclaimed', UNCLAIMED_DETAIL)));
  const byIssuer = new Map<string, Award[]>();
  for (const award of unclaimed)
    byIssuer.set(award.issuerId, [...(byIssuer.get(award.issuerId) ?? []), award]);
  for (const [issuerId, list] of byIssuer) {
    await enqueueWebhookEvents(tx, { issuerId, event: 'award.unclaimed', awards: list });
  }
}

/**
 * Mail to the addresses (bodies hold names and links), their unsubscribes and the rate-limit rows
 * that name them.
 */
async function eraseAddressTraces(tx: Tx, addresses: string[]) {
  await tx.delete(outbox).where(inArray(sql`lower(${outbox.payload}->>'to')`, addresses));
  await tx.delete(notificationOptOuts).where(inArray(notificationOptOuts.email, addresses));
  // Sign-in failure keys end in "|<address>" (lib/accounts/rate-limit.ts).
  await tx
    .delete(signInFailures)
    .where(or(...addresses.map((a) => sql`right(${signInFailures.key}, ${a.length + 1}) = ${`|${a}`}`)));
  await tx
    .delete(rateLimitCounters)
    .where(inArray(rateLimitCounters.key, addresses.flatMap(targetCounterKeys)));
}
