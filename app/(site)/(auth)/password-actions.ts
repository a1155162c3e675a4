'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { passwordSchema } from '@/lib/accounts/account-input';
import { answerForgotPassword } from '@/lib/accounts/email-requests';
import { resetPassword } from '@/lib/accounts/user-tokens';
import { publicAction } from '@/lib/actions/form-action';
import { success } from '@/lib/actions/form-state';
import { clientKeyFrom } from '@/lib/auth/client-key';
import { emailSchema } from '@/lib/awards/award-input';
import { getConfig } from '@/lib/config';
import { kickOutbox } from '@/lib/email/worker';

export const forgotPasswordAction = publicAction(
  { schema: z.object({ email: emailSchema }) },
  async ({ input: { email } }) => {
    const message = await answerForgotPassword({
      db: await getDb(),
      config: getConfig(),
      email,
      client: clientKeyFrom(await headers()),
    });
    kickOutbox();
    return success(message);
  },
);

export const resetPasswordAction = publicAction(
  { schema: z.object({ token: z.string().min(1).max(100), password: passwordSchema }) },
  async ({ input: { token, password } }) => {
    await resetPassword(await getDb(), { token, password });
    redirect('/sign-in?reset=1');
  },
);
