import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { revokeUserSessions } from '@/lib/auth/sessions';
import type { Config } from '@/lib/config';
import { enqueueEmail } from '@/lib/email/outbox';
import { AppError } from '@/lib/errors';
import { formatDate } from '@/lib/format';
import { confirmPassword } from '../confirm-password';
import { deletionFinalAt } from './grace';
import { accountDeletionMessage } from './message';

/** Settings → Delete your account: the password again, and a ticked box saying they mean it. */
export const deleteAccountSchema = z.object({
  password: z.string().min(1, 'Enter your password.').max(200),
  confirm: z.literal('on', { error: 'Tick the box to confirm that you want to delete your account.' }),
});

/**
 * Asks for the user's account to be deleted after checking their password (wrong guesses count
 * against the sign-in limit for this client and account, as a password change does). From the
 * commit on, every public surface of the account answers 404 (lib/badges/public-award.ts,
 * lib/profile/public-profile.ts, lib/images/store.ts); every session ends; the owner is emailed
 * the date it becomes final. Callers refresh the cached badge pages (refreshBadgePagesOf).
 */
export async function requestAccountDeletion(
  db: Db,
  input: { userId: string; password: string; client: string; config: Pick<Config, 'appUrl' | 'isDemoMode'> },
): Promise<{ finalAt: Date }> {
  const user = await confirmPassword(db, {
    userId: input.userId,
    password: input.password,
    client: input.client,
    field: 'password',
    refused: 'Your account was not deleted.',
    wrong: 'This is not your password. Check it and try again.',
  });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ deletionRequestedAt: sql`coalesce(${users.deletionRequestedAt}, now())` })
      .where(eq(users.id, input.userId))
      .returning({ requestedAt: users.deletionRequestedAt });
    if (!row?.requestedAt) throw new AppError('not_found', 'Your account was not found. Sign in again.');
    const finalAt = deletionFinalAt(row.requestedAt);
    await revokeUserSessions(tx, { userId: input.userId });
    const message = await accountDeletionMessage({
      name: user.name,
      finalOn: formatDate(finalAt),
      signInUrl: `${input.config.appUrl}/sign-in`,
    });
    await enqueueEmail(tx, { message: { to: user.email, ...message }, isDemoMode: input.config.isDemoMode });
    return { finalAt };
  });
}
