'use client';

import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { type FormState, idle } from '@/lib/actions/form-state';

type EmailRequestFormProps = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  submitLabel: string;
};

/** One email field whose answer replaces the form (forgot password, a new confirmation link). */
export function EmailRequestForm({ action: requestAction, submitLabel }: EmailRequestFormProps) {
  const [state, action] = useActionState(requestAction, idle);
  if (state.status === 'success') return <FormMessage tone="success">{state.message}</FormMessage>;
  const error = state.status === 'error' ? state : undefined;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage tone="error">{error?.message}</FormMessage>
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={error?.values?.email}
        errors={error?.fieldErrors?.email}
      />
      <SubmitButton pendingLabel="Sending…">{submitLabel}</SubmitButton>
    </form>
  );
}
