'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { passwordSchema } from '@/lib/accounts/account-input';
import { requestPasswordReset, resetPassword } from '@/lib/accounts/user-tokens';
import { formAction } from '@/lib/actions/form-action';
import { emailSchema } from '@/lib/awards/award-input';
import { getConfig } from '@/lib/config';
import { kickOutbox } from '@/lib/email/worker';

export const forgotPasswordAction = formAction(z.object({ email: emailSchema }), async ({ email }) => {
  await requestPasswordReset(await getDb(), { config: getConfig(), email });
  kickOutbox();
  return {
    status: 'success',
    message: `If ${email} belongs to a Laurel account, we have sent it a link to choose a new password. It works for one hour.`,
  };
});

export const resetPasswordAction = formAction(
  z.object({ token: z.string().min(1).max(100), password: passwordSchema }),
  async ({ token, password }) => {
    await resetPassword(await getDb(), { token, password });
    redirect('/sign-in?reset=1');
  },
);
