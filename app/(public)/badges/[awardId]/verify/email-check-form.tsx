'use client';

import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { checkEmailAction, type EmailCheckState } from './check-email-action';

const idle: EmailCheckState = { status: 'idle' };

/** Lets someone who already knows an address confirm it is the earner's, without revealing it. */
export function EmailCheckForm({ awardId }: { awardId: string }) {
  const [state, action] = useActionState(checkEmailAction, idle);
  const email =
    state.status === 'answered' ? state.email : state.status === 'error' ? (state.values?.email ?? '') : '';
  return (
    <form action={action} className="flex max-w-md flex-col gap-3" noValidate>
      <input type="hidden" name="awardId" value={awardId} />
      <Field
        label="Email address"
        name="email"
        type="email"
        autoComplete="off"
        defaultValue={email}
        hint="Compared with the badge's private, salted record; nothing is shown or stored."
        errors={state.status === 'error' ? (state.fieldErrors?.email ?? [state.message]) : undefined}
      />
      <div>
        <SubmitButton variant="secondary" pendingLabel="Checking…">
          Check this address
        </SubmitButton>
      </div>
      {state.status === 'answered' ? (
        <FormMessage tone={state.isMatch ? 'success' : 'info'}>
          {state.isMatch
            ? 'Yes, this badge was awarded to that address.'
            : 'No, this badge was not awarded to that address.'}
        </FormMessage>
      ) : null}
    </form>
  );
}
