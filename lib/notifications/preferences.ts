import 'server-only';
import { and, eq, inArray, isNotNull, not, sql } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { notificationOptOuts, notificationPreferences, userEmails } from '@/db/schema';
import { NOTIFICATION_KINDS, type NotificationKind } from './kinds';
import type { UnsubscribeTarget } from './unsubscribe-token';

export type Preferences = Record<NotificationKind, boolean>;

/** Why a notification is not sent; kept in the outbox (not a failure to show issuers). */
export const NOTIFICATION_OFF = 'The recipient has turned off this kind of email.';

/** Every kind is on until the learner turns it off. */
export async function getPreferences(db: Executor, userId: string): Promise<Preferences> {
  const rows = await db
    .select({ kind: notificationPreferences.kind, isEnabled: notificationPreferences.isEnabled })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const preferences = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, true])) as Preferences;
  for (const row of rows) preferences[row.kind] = row.isEnabled;
  return preferences;
}

async function confirmedAddresses(db: Executor, userId: string) {
  const rows = await db
    .select({ email: userEmails.email })
    .from(userEmails)
    .where(and(eq(userEmails.userId, userId), isNotNull(userEmails.verifiedAt)));
  return rows.map((r) => r.email);
}

/**
 * Saves the account's choices. Turning a kind back on also lifts unsubscribes made from links
 * sent to the account's confirmed addresses, so the switch means what it shows.
 */
export async function setPreferences(db: Db, input: { userId: string; preferences: Preferences }) {
  await db.transaction(async (tx) => {
    for (const kind of NOTIFICATION_KINDS) {
      const isEnabled = input.preferences[kind];
      await tx
        .insert(notificationPreferences)
        .values({ userId: input.userId, kind, isEnabled })
        .onConflictDoUpdate({
          target: [notificationPreferences.userId, notificationPreferences.kind],
          set: { isEnabled, updatedAt: sql`now()` },
        });
      const addresses = isEnabled ? await confirmedAddresses(tx, input.userId) : [];
      if (addresses.length > 0)
        await tx
          .delete(notificationOptOuts)
          .where(and(eq(notificationOptOuts.kind, kind), inArray(notificationOptOuts.email, addresses)));
    }
  });
}

/**
 * The addresses among `emails` that must not get `kind`: unsubscribed by link, or a confirmed
 * address of an account that turned the kind off. An unconfirmed holder's choice does not count
 * (the address may not be theirs).
 */
export async function mutedAddresses(db: Executor, kind: NotificationKind, emails: string[]) {
  if (emails.length === 0) return new Set<string>();
  const optedOut = await db
    .select({ email: notificationOptOuts.email })
    .from(notificationOptOuts)
    .where(and(eq(notificationOptOuts.kind, kind), inArray(notificationOptOuts.email, emails)));
  const turnedOff = await db
    .select({ email: userEmails.email })
    .from(userEmails)
    .innerJoin(
      notificationPreferences,
      and(eq(notificationPreferences.userId, userEmails.userId), eq(notificationPreferences.kind, kind)),
    )
    .where(
      and(
        inArray(userEmails.email, emails),
        isNotNull(userEmails.verifiedAt),
        not(notificationPreferences.isEnabled),
      ),
    );
  return new Set([...optedOut, ...turnedOff].map((r) => r.email));
}

export async function isMuted(db: Executor, target: UnsubscribeTarget) {
  return (await mutedAddresses(db, target.kind, [target.email])).has(target.email);
}

/**
 * What an unsubscribe link does: the address stops getting this kind, and if it is a confirmed
 * address of an account, the account's switch for it turns off too (Settings shows it).
 */
export async function unsubscribe(db: Db, target: UnsubscribeTarget) {
  const email = target.email.trim().toLowerCase();
  await db.transaction(async (tx) => {
    await tx.insert(notificationOptOuts).values({ email, kind: target.kind }).onConflictDoNothing();
    const [holder] = await tx
      .select({ userId: userEmails.userId })
      .from(userEmails)
      .where(and(eq(userEmails.email, email), isNotNull(userEmails.verifiedAt)));
    if (holder)
      await tx
        .insert(notificationPreferences)
        .values({ userId: holder.userId, kind: target.kind, isEnabled: false })
        .onConflictDoUpdate({
          target: [notificationPreferences.userId, notificationPreferences.kind],
          set: { isEnabled: false, updatedAt: sql`now()` },
        });
  });
}
