'use server';

import { headers } from 'next/headers';
import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn } from '@/auth';
import { getDb } from '@/db/client';
import { signInSchema, signUpSchema } from '@/lib/accounts/account-input';
import { signInLockMinutes } from '@/lib/accounts/rate-limit';
import { signUp } from '@/lib/accounts/sign-up';
import { formAction } from '@/lib/actions/form-action';
import { clientKeyFrom } from '@/lib/auth/client-key';
import { safeReturnPath } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { kickOutbox } from '@/lib/email/worker';

/** Signs in through Auth.js; its success is a redirect (thrown), its failures become messages. */
async function signInAndRedirect(input: { email: string; password: string; redirectTo: string }) {
  try {
    await signIn('credentials', { ...input, redirect: true });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    if (error instanceof CredentialsSignin && error.code === 'rate_limited') {
      const minutes = await signInLockMinutes(await getDb(), {
        email: input.email,
        client: clientKeyFrom(await headers()),
      });
      const wait = Math.max(minutes, 1);
      return `Too many failed sign-in attempts. Try again in ${wait} minute${wait === 1 ? '' : 's'}.`;
    }
    return 'That email and password do not match an account.';
  }
  return undefined;
}

export const signInAction = formAction(signInSchema, async (input, formData) => {
  const message = await signInAndRedirect({
    email: input.email,
    password: input.password,
    redirectTo: safeReturnPath(input.callbackUrl),
  });
  return message
    ? {
        status: 'error',
        message,
        values: { email: input.email, callbackUrl: String(formData.get('callbackUrl') ?? '') },
      }
    : undefined;
});

export const signUpAction = formAction(signUpSchema, async (input) => {
  const db = await getDb();
  await signUp({ db, config: getConfig(), ...input });
  kickOutbox();
  const redirectTo = input.claimToken ? `/claim/${input.claimToken}` : '/wallet?welcome=1';
  const message = await signInAndRedirect({ email: input.email, password: input.password, redirectTo });
  return message ? { status: 'error', message } : undefined;
});
