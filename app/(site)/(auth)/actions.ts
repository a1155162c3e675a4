'use server';

import { headers } from 'next/headers';
import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn } from '@/auth';
import { getDb } from '@/db/client';
import { signInSchema, signUpSchema } from '@/lib/accounts/account-input';
import { answerResendVerification } from '@/lib/accounts/email-requests';
import { CONFIRM_FIRST, checkEmailMessage } from '@/lib/accounts/messages';
import { signInWaitSeconds, waitMessage } from '@/lib/accounts/rate-limit';
import { signUp } from '@/lib/accounts/sign-up';
import { publicAction } from '@/lib/actions/form-action';
import { failure, success } from '@/lib/actions/form-state';
import { clientKeyFrom } from '@/lib/auth/client-key';
import { safeReturnPath } from '@/lib/auth/return-path';
import { getConfig } from '@/lib/config';
import { emailRequestAction } from './email-request-action';

/** Signs in through Auth.js; its success is a redirect (thrown), its failures become messages. */
async function signInAndRedirect(input: { email: string; password: string; redirectTo: string }) {
  try {
    await signIn('credentials', { ...input, redirect: true });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    if (error instanceof CredentialsSignin && error.code === 'rate_limited') {
      const client = clientKeyFrom(await headers());
      const email = input.email.trim().toLowerCase();
      return waitMessage(await signInWaitSeconds(await getDb(), { email, client }));
    }
    if (error instanceof CredentialsSignin && error.code === 'unconfirmed') return CONFIRM_FIRST;
    return 'That email and password do not match an account.';
  }
  return undefined;
}

export const signInAction = publicAction({ schema: signInSchema }, async ({ input, formData }) => {
  const message = await signInAndRedirect({
    email: input.email,
    password: input.password,
    redirectTo: safeReturnPath(input.callbackUrl),
  });
  return message
    ? failure(message, { email: input.email, callbackUrl: String(formData.get('callbackUrl') ?? '') })
    : undefined;
});

export const signUpAction = publicAction({ schema: signUpSchema }, async ({ input }) => {
  const result = await signUp({
    db: await getDb(),
    config: getConfig(),
    ...input,
    client: clientKeyFrom(await headers()),
  });
  if (result.status === 'check_email') return success(checkEmailMessage(result.email));
  // Only a claim link proves the address at once; the learner goes back to accept the badge.
  const redirectTo = safeReturnPath(`/claim/${encodeURIComponent(input.claimToken ?? '')}`);
  const message = await signInAndRedirect({ email: input.email, password: input.password, redirectTo });
  return message ? failure(message) : undefined;
});

export const resendVerificationAction = emailRequestAction(answerResendVerification);
