'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { passwordSchema } from '@/lib/accounts/account-input';
import { answerForgotPassword } from '@/lib/accounts/email-requests';
import { resetPassword } from '@/lib/accounts/user-tokens';
import { publicAction } from '@/lib/actions/form-action';
import { emailRequestAction } from './email-request-action';

export const forgotPasswordAction = emailRequestAction(answerForgotPassword);

export const resetPasswordAction = publicAction(
  { schema: z.object({ token: z.string().min(1).max(100), password: passwordSchema }) },
  async ({ input: { token, password } }) => {
    await resetPassword(await getDb(), { token, password });
    redirect('/sign-in?reset=1');
  },
);
