'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { signInAction } from '@/app/(site)/(auth)/actions';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { CONFIRM_FIRST } from '@/lib/accounts/messages';
import { idle } from '@/lib/actions/form-state';

export function SignInForm({ callbackUrl, email }: { callbackUrl?: string; email?: string }) {
  const [state, action] = useActionState(signInAction, idle);
  const values = state.status === 'error' ? state.values : undefined;
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage tone="error">{state.status === 'error' ? state.message : null}</FormMessage>
      {state.status === 'error' && state.message === CONFIRM_FIRST ? (
        <Link href="/verify-email/resend" className="text-sm underline">
          Send me a new confirmation link
        </Link>
      ) : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ''} />
      <Field
        label="Email"
        name="email"
        id="sign-in-email"
        type="email"
        autoComplete="email"
        required
        defaultValue={values?.email ?? email}
        errors={errors?.email}
      />
      <Field
        label="Password"
        name="password"
        id="sign-in-password"
        type="password"
        autoComplete="current-password"
        required
        errors={errors?.password}
      />
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
