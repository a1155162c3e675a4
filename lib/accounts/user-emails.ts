import 'server-only';
import { and, asc, count, eq, isNotNull } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { userEmails, users, userTokens } from '@/db/schema';
import { CHECK_ANSWERS } from '@/lib/actions/form-state';
import type { Config } from '@/lib/config';
import { isUniqueViolation } from '@/lib/db-errors';
import { AppError } from '@/lib/errors';
import { releaseUnconfirmedAddress } from './address-owner';
import { checkRequestLimit } from './request-limits';
import { sendVerificationEmail } from './user-tokens';

/** Addresses one account may hold, confirmed or not: enough for work, school and home, and a few old ones. */
export const MAX_ADDRESSES = 10;

type MailConfig = Pick<Config, 'appUrl' | 'isDemoMode'>;
type Mine = { db: Db; userId: string; emailId: string };

export const TOO_MANY_ADDRESSES = `You can have at most ${MAX_ADDRESSES} addresses. Remove one first.`;
// Says no more than a claim link's sign-up does ("An account with this email already exists").
export const ADDRESS_TAKEN =
  'Another Laurel account has confirmed this address, so it cannot be added here. If it is yours, sign in with it.';
export const ADDRESS_LIMITED = 'You have added or re-sent links too often. Wait an hour and try again.';
const NOT_FOUND = 'That address is not on your account.';

/** A refusal about the typed address: the form's usual summary, and the reason under the field. */
const aboutAddress = (message: string, code: 'conflict' | 'rate_limited' = 'conflict') =>
  new AppError(code, CHECK_ANSWERS, { fieldErrors: { email: [message] } });

export type AccountEmail = { id: string; email: string; isPrimary: boolean; isVerified: boolean };

export async function listAccountEmails(db: Db, userId: string): Promise<AccountEmail[]> {
  const rows = await db
    .select({
      id: userEmails.id,
      email: userEmails.email,
      isPrimary: userEmails.isPrimary,
      verifiedAt: userEmails.verifiedAt,
    })
    .from(userEmails)
    .where(eq(userEmails.userId, userId))
    .orderBy(asc(userEmails.createdAt), asc(userEmails.email));
  return rows.map(({ verifiedAt, ...row }) => ({ ...row, isVerified: verifiedAt !== null }));
}

/** Counts one mail-sending request of this user to this address; refuses once either limit is spent. */
async function limitMail(
  db: Db,
  input: { userId: string; email: string; action: 'addEmail' | 'resendVerification' },
) {
  const outcome = await checkRequestLimit(db, {
    action: input.action,
    client: `user:${input.userId}`,
    target: input.email,
  });
  if (outcome === 'ok') return;
  // Adding answers under the typed address; a re-send comes from the list, which has no field.
  throw input.action === 'addEmail'
    ? aboutAddress(ADDRESS_LIMITED, 'rate_limited')
    : new AppError('rate_limited', ADDRESS_LIMITED);
}

/**
 * Adds an unconfirmed address and mails it a confirmation link (the same 24-hour, single-use link
 * as sign-up). An address confirmed by another account is refused; one only claimed, unconfirmed,
 * by another account moves here, as at sign-up (that holder may be a squatter).
 */
export async function addAccountEmail(
  db: Db,
  input: { config: MailConfig; userId: string; email: string },
): Promise<{ email: string }> {
  const email = input.email.trim().toLowerCase();
  await limitMail(db, { userId: input.userId, email, action: 'addEmail' });
  try {
    return await db.transaction(async (tx) => {
      // One add at a time per account, so the count below holds.
      const [user] = await tx
        .select({ name: users.name })
        .from(users)
        .where(eq(users.id, input.userId))
        .for('update');
      if (!user) throw new AppError('unauthorized', 'Your session has ended. Sign in again.');
      const holder = await releaseUnconfirmedAddress(tx, { email, userId: input.userId });
      if (holder === 'own') throw aboutAddress('This address is already on your account.');
      if (holder === 'taken') throw aboutAddress(ADDRESS_TAKEN);
      const [held] = await tx
        .select({ n: count() })
        .from(userEmails)
        .where(eq(userEmails.userId, input.userId));
      if ((held?.n ?? 0) >= MAX_ADDRESSES) throw aboutAddress(TOO_MANY_ADDRESSES);
      await tx.insert(userEmails).values({ userId: input.userId, email });
      await sendVerificationEmail(tx, { config: input.config, userId: input.userId, name: user.name, email });
      return { email };
    });
  } catch (error) {
    // Someone else took the address in the same instant.
    if (isUniqueViolation(error)) throw aboutAddress(ADDRESS_TAKEN);
    throw error;
  }
}

async function findMine(db: Executor, { userId, emailId }: Omit<Mine, 'db'>) {
  const [row] = await db
    .select()
    .from(userEmails)
    .where(and(eq(userEmails.id, emailId), eq(userEmails.userId, userId)));
  if (!row) throw new AppError('not_found', NOT_FOUND);
  return row;
}

export async function resendAccountEmailLink(input: Mine & { config: MailConfig }) {
  const row = await findMine(input.db, input);
  if (row.verifiedAt) throw new AppError('conflict', `${row.email} is already confirmed.`);
  await limitMail(input.db, { userId: input.userId, email: row.email, action: 'resendVerification' });
  const [user] = await input.db.select({ name: users.name }).from(users).where(eq(users.id, input.userId));
  await sendVerificationEmail(input.db, {
    config: input.config,
    userId: input.userId,
    name: user?.name ?? '',
    email: row.email,
  });
  return { email: row.email };
}

/** Account emails (password changes, exports) go to the primary address, so it must be confirmed. */
export async function makePrimaryEmail(input: Mine) {
  return input.db.transaction(async (tx) => {
    // The account's row lock orders this after a removal of the same address in another tab.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).for('update');
    const row = await findMine(tx, input);
    if (!row.verifiedAt) throw new AppError('conflict', `Confirm ${row.email} before making it primary.`);
    // Cleared first: the partial unique index allows one primary per account at any moment.
    await tx.update(userEmails).set({ isPrimary: false }).where(eq(userEmails.userId, input.userId));
    await tx.update(userEmails).set({ isPrimary: true }).where(eq(userEmails.id, row.id));
    return { email: row.email };
  });
}

/**
 * Removes an address that is not the primary and not the last confirmed one. Its unused
 * confirmation links die with it, so re-adding the address needs a fresh link. Badges already
 * accepted stay; pending ones sent to it leave the wallet.
 */
export async function removeAccountEmail(input: Mine) {
  return input.db.transaction(async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).for('update');
    const row = await findMine(tx, input);
    if (row.isPrimary)
      throw new AppError('conflict', 'Make another address primary before removing this one.');
    if (row.verifiedAt) {
      const [confirmed] = await tx
        .select({ n: count() })
        .from(userEmails)
        .where(and(eq(userEmails.userId, input.userId), isNotNull(userEmails.verifiedAt)));
      if ((confirmed?.n ?? 0) <= 1)
        throw new AppError('conflict', 'This is your only confirmed address, so it cannot be removed.');
    }
    await tx.delete(userEmails).where(eq(userEmails.id, row.id));
    // Its confirmation and password-reset links die with it: whoever still reads that mailbox
    // (an old employer, say) must not get into the account through a link sent before.
    await tx
      .delete(userTokens)
      .where(and(eq(userTokens.userId, input.userId), eq(userTokens.email, row.email)));
    return { email: row.email };
  });
}
