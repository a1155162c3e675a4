import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { revokeUserSessions } from '@/lib/auth/sessions';
import type { Config } from '@/lib/config';
import { enqueueEmail } from '@/lib/email/outbox';
import { passwordChangedMessage } from '@/lib/email/render';
import { AppError } from '@/lib/errors';
import { formatDate } from '@/lib/format';
import { passwordSchema } from './account-input';
import { confirmPassword } from './confirm-password';

/** The settings form: the current password, and the new one twice, under the sign-up rules. */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.').max(200),
    newPassword: passwordSchema,
    confirmPassword: z.string().max(200),
  })
  .superRefine((v, ctx) => {
    if (v.confirmPassword !== v.newPassword) {
      ctx.addIssue({
        code: 'custom',
        path: ['confirmPassword'],
        message: 'This does not match the new password. Type the same password in both boxes.',
      });
    }
  });

export type ChangePasswordInput = {
  userId: string;
  currentPassword: string;
  newPassword: string;
  /** Who is asking, for the same wrong-password limit as signing in. */
  client: string;
  /** The session making the change stays signed in; every other one ends. */
  keepSessionId?: string;
  config: Pick<Config, 'appUrl' | 'isDemoMode'>;
};

/**
 * Changes the signed-in user's password after checking the current one (confirmPassword: wrong
 * guesses count against the sign-in limit). The change ends every other session and emails the
 * account's primary address.
 */
export async function changePassword(db: Db, input: ChangePasswordInput) {
  const { name, email } = await confirmPassword(db, {
    userId: input.userId,
    password: input.currentPassword,
    client: input.client,
    field: 'currentPassword',
    refused: 'Your password was not changed.',
    wrong: 'This is not your current password. Check it and try again.',
  });
  if (input.newPassword === input.currentPassword) {
    throw new AppError('invalid', 'Your password was not changed.', {
      fieldErrors: { newPassword: ['Choose a new password that is different from your current one.'] },
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const message = await passwordChangedMessage({
    name,
    changedOn: formatDate(new Date()),
    forgotPasswordUrl: `${input.config.appUrl}/forgot-password`,
  });
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: sql`now()` })
      .where(eq(users.id, input.userId));
    await revokeUserSessions(tx, { userId: input.userId, exceptSessionId: input.keepSessionId });
    await enqueueEmail(tx, { message: { to: email, ...message }, isDemoMode: input.config.isDemoMode });
  });
}
