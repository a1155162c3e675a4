'use client';

import { useActionState } from 'react';
import { signUpAction } from '@/app/(site)/(auth)/actions';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/actions/form-state';

type Props = {
  /** From a claim link: the award's address, fixed, and verified by the token. */
  claim?: { token: string; email: string; name: string };
};

export function SignUpForm({ claim }: Props) {
  const [state, action] = useActionState(signUpAction, idle);
  const values = state.status === 'error' ? state.values : undefined;
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  if (state.status === 'success') return <FormMessage tone="success">{state.message}</FormMessage>;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage tone="error">{state.status === 'error' ? state.message : null}</FormMessage>
      {claim ? <input type="hidden" name="claimToken" value={claim.token} /> : null}
      <Field
        label="Email"
        name="email"
        id="sign-up-email"
        type="email"
        autoComplete="email"
        required
        readOnly={Boolean(claim)}
        hint={claim ? 'The address this badge was sent to. It is confirmed by your claim link.' : undefined}
        defaultValue={claim?.email ?? values?.email}
        errors={errors?.email}
      />
      <Field
        label="Name"
        name="name"
        id="sign-up-name"
        autoComplete="name"
        required
        defaultValue={values?.name ?? claim?.name}
        errors={errors?.name}
      />
      <Field
        label="Password"
        name="password"
        id="sign-up-password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint="At least 10 characters."
        errors={errors?.password}
      />
      <SubmitButton pendingLabel="Creating your account…">Create account</SubmitButton>
    </form>
  );
}
