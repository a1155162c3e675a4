import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { userEmails, users } from '@/db/schema';
import { burnPasswordCheck, verifyPassword } from '@/lib/auth/password';
import { AppError } from '@/lib/errors';
import { cancelAccountDeletion } from './deletion/cancel';
import { CONFIRM_FIRST } from './messages';
import { clearSignInFailures, recordSignInFailure, signInWaitSeconds, waitMessage } from './rate-limit';

export type SignedInUser = {
  id: string;
  name: string;
  email: string;
  /** This sign-in cancelled the account's deletion (lib/accounts/deletion): say so, show the badges again. */
  isDeletionCancelled?: boolean;
};

/**
 * Checks an email and password. Only a confirmed address signs in: an unconfirmed one may belong
 * to someone else (anyone can sign up with any address). Throws rate_limited while this client
 * must wait on this account, and forbidden (CONFIRM_FIRST) for the right password on an
 * unconfirmed address — said only after the password matched, so it reveals nothing to guessers.
 * Signing in during an account deletion's grace period cancels it; after it, the account is gone.
 */
export async function verifyCredentials(
  db: Db,
  input: { email: string; password: string; client: string },
): Promise<SignedInUser | null> {
  const email = input.email.trim().toLowerCase();
  const keys = { email, client: input.client };
  const waitSeconds = await signInWaitSeconds(db, keys);
  if (waitSeconds > 0) {
    throw new AppError('rate_limited', waitMessage(waitSeconds), { retryAfterSeconds: waitSeconds });
  }
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      passwordHash: users.passwordHash,
      verifiedAt: userEmails.verifiedAt,
      deletionRequestedAt: users.deletionRequestedAt,
    })
    .from(userEmails)
    .innerJoin(users, eq(users.id, userEmails.userId))
    .where(eq(userEmails.email, email));
  let isValid = false;
  if (row) isValid = await verifyPassword(row.passwordHash, input.password);
  else await burnPasswordCheck(input.password);
  if (!row || !isValid) {
    await recordSignInFailure(db, keys);
    return null;
  }
  await clearSignInFailures(db, keys);
  if (!row.verifiedAt) throw new AppError('forbidden', CONFIRM_FIRST);
  const isDeletionCancelled = row.deletionRequestedAt ? await cancelAccountDeletion(db, row.id) : false;
  // Past its grace period a deletion is final: the upkeep is about to erase the account.
  if (row.deletionRequestedAt && !isDeletionCancelled) return null;
  const primary = await primaryEmail(db, row.id);
  return {
    id: row.id,
    name: row.name,
    email: primary,
    ...(isDeletionCancelled ? { isDeletionCancelled } : {}),
  };
}

export async function primaryEmail(db: Db, userId: string): Promise<string> {
  const [row] = await db
    .select({ email: userEmails.email })
    .from(userEmails)
    .where(and(eq(userEmails.userId, userId), eq(userEmails.isPrimary, true)));
  return row?.email ?? '';
}

/** Whether a confirmed account holds the address (an unconfirmed holder may be a squatter). */
export async function hasAccount(db: Db, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: userEmails.id })
    .from(userEmails)
    .where(and(eq(userEmails.email, email), isNotNull(userEmails.verifiedAt)));
  return Boolean(row);
}
