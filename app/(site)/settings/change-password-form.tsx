'use client';

import { type FormEvent, startTransition, useActionState, useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { idle } from '@/lib/actions/form-state';
import { changePasswordAction } from './password-actions';

const FIELDS = {
  currentPassword: { id: 'current-password', label: 'Current password' },
  newPassword: { id: 'new-password', label: 'New password' },
  confirmPassword: { id: 'confirm-password', label: 'New password again' },
};

/**
 * Current password, then the new one twice. The server never sends a password back, so the form
 * is submitted by hand: React then leaves what was typed in place after a refusal (only the wrong
 * field needs retyping) and the fields are cleared once the password has changed. Without
 * JavaScript it still posts to the same action.
 */
export function ChangePasswordForm() {
  const [state, action, isPending] = useActionState(changePasswordAction, idle);
  const form = useRef<HTMLFormElement>(null);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  useEffect(() => {
    if (state.status === 'success') form.current?.reset();
  }, [state]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
  return (
    <section id="password" aria-labelledby="password-heading" className="flex flex-col gap-4">
      <h2 id="password-heading" className="text-xl font-semibold">
        Password
      </h2>
      <Card>
        <form ref={form} action={action} onSubmit={submit} className="flex flex-col gap-4" noValidate>
          <ErrorSummary state={state} fields={FIELDS} />
          {state.status === 'success' ? <FormMessage tone="success">{state.message}</FormMessage> : null}
          <Field
            {...FIELDS.currentPassword}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            errors={errors?.currentPassword}
          />
          <Field
            {...FIELDS.newPassword}
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            hint="At least 10 characters. A few unrelated words are easy to remember and hard to guess."
            errors={errors?.newPassword}
          />
          <Field
            {...FIELDS.confirmPassword}
            name="confirmPassword"
            type="password"
            autoComplete="new-password"
            required
            errors={errors?.confirmPassword}
          />
          <p className="text-sm text-stone-700">
            Changing it signs you out on every other device and browser; you stay signed in here. We email you
            to confirm the change.
          </p>
          <div>
            <Button type="submit" disabled={isPending} aria-disabled={isPending}>
              {isPending ? 'Changing…' : 'Change password'}
            </Button>
          </div>
        </form>
      </Card>
    </section>
  );
}
