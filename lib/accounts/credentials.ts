import { and, eq, isNotNull, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { userEmails, users } from '@/db/schema';
import { burnPasswordCheck, verifyPassword } from '@/lib/auth/password';
import { AppError } from '@/lib/errors';
import { clearAccountFailures, recordSignInFailure, signInLockMinutes } from './rate-limit';

export type SignedInUser = { id: string; name: string; email: string };

/**
 * Checks an email and password. Sign-in works with the primary address or any verified
 * secondary one. Throws a rate_limited AppError while the account or client is locked out.
 */
export async function verifyCredentials(
  db: Db,
  input: { email: string; password: string; client: string },
): Promise<SignedInUser | null> {
  const email = input.email.trim().toLowerCase();
  const keys = { email, client: input.client };
  const waitMinutes = await signInLockMinutes(db, keys);
  if (waitMinutes > 0) {
    throw new AppError(
      'rate_limited',
      `Too many failed sign-in attempts. Try again in ${waitMinutes} minute${waitMinutes === 1 ? '' : 's'}.`,
      { retryAfterSeconds: waitMinutes * 60 },
    );
  }
  const [row] = await db
    .select({ id: users.id, name: users.name, passwordHash: users.passwordHash })
    .from(userEmails)
    .innerJoin(users, eq(users.id, userEmails.userId))
    .where(
      and(eq(userEmails.email, email), or(eq(userEmails.isPrimary, true), isNotNull(userEmails.verifiedAt))),
    );
  let isValid = false;
  if (row) isValid = await verifyPassword(row.passwordHash, input.password);
  else await burnPasswordCheck(input.password);
  if (!row || !isValid) {
    await recordSignInFailure(db, keys);
    return null;
  }
  await clearAccountFailures(db, email);
  const primary = await primaryEmail(db, row.id);
  return { id: row.id, name: row.name, email: primary };
}

export async function primaryEmail(db: Db, userId: string): Promise<string> {
  const [row] = await db
    .select({ email: userEmails.email })
    .from(userEmails)
    .where(and(eq(userEmails.userId, userId), eq(userEmails.isPrimary, true)));
  return row?.email ?? '';
}

export async function hasAccount(db: Db, email: string): Promise<boolean> {
  const [row] = await db.select({ id: userEmails.id }).from(userEmails).where(eq(userEmails.email, email));
  return Boolean(row);
}
