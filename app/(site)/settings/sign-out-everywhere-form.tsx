'use client';

import { useActionState } from 'react';
import { Card } from '@/components/ui/card';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { type FormState, idle } from '@/lib/actions/form-state';
import { signOutEverywhereAction } from './session-actions';

export function SignOutEverywhereForm() {
  const [state, action] = useActionState<FormState, FormData>(signOutEverywhereAction, idle);
  return (
    <section id="sessions" aria-labelledby="sessions-heading" className="flex flex-col gap-4">
      <h2 id="sessions-heading" className="text-xl font-semibold">
        Sessions
      </h2>
      <Card>
        <form action={action} className="flex flex-col items-start gap-3">
          <p className="text-stone-700">
            Signed in on a shared or lost device? This signs you out on every device and browser, including
            this one.
          </p>
          {state.status === 'error' ? <FormMessage tone="error">{state.message}</FormMessage> : null}
          <SubmitButton pendingLabel="Signing out…" variant="secondary">
            Sign out everywhere
          </SubmitButton>
        </form>
      </Card>
    </section>
  );
}
