'use client';

import { useActionState, useEffect, useRef } from 'react';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { AccountEmail } from '@/lib/accounts/user-emails';
import { idle } from '@/lib/actions/form-state';
import { addEmailAction, emailAddressAction } from './email-actions';

const FIELDS = { email: { id: 'new-email', label: 'New email address' } };

function Tag({ tone, children }: { tone: 'brand' | 'amber' | 'stone'; children: string }) {
  const tones = {
    brand: 'bg-brand-50 text-brand-800 border-brand-200',
    amber: 'bg-amber-50 text-amber-900 border-amber-300',
    stone: 'bg-stone-100 text-stone-800 border-stone-300',
  };
  return (
    <span className={`rounded-full border px-2 py-0.5 text-xs font-semibold ${tones[tone]}`}>{children}</span>
  );
}

/** One list, one message: the row an action was about may be gone by the time its answer shows. */
export function EmailAddressList({ addresses }: { addresses: AccountEmail[] }) {
  const [state, action] = useActionState(emailAddressAction, idle);
  return (
    <div className="flex flex-col gap-3">
      <FormMessage tone={state.status === 'error' ? 'error' : 'success'}>
        {state.status === 'idle' ? null : state.message}
      </FormMessage>
      <ul aria-label="Your email addresses" className="flex flex-col divide-y divide-stone-200">
        {addresses.map((address) => (
          <li
            key={address.id}
            className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between"
          >
            <div className="flex min-w-0 flex-wrap items-center gap-2">
              <span className="break-all font-medium">{address.email}</span>
              {address.isPrimary ? <Tag tone="stone">Primary</Tag> : null}
              {address.isVerified ? <Tag tone="brand">Confirmed</Tag> : <Tag tone="amber">Not confirmed</Tag>}
            </div>
            {address.isPrimary ? null : (
              <form action={action} className="flex flex-wrap gap-2">
                <input type="hidden" name="emailId" value={address.id} />
                {address.isVerified ? (
                  <SubmitButton name="intent" value="primary" variant="secondary" className="px-3 py-1">
                    <span>
                      Make primary<span className="sr-only"> {address.email}</span>
                    </span>
                  </SubmitButton>
                ) : (
                  <SubmitButton name="intent" value="resend" variant="secondary" className="px-3 py-1">
                    <span>
                      Resend link<span className="sr-only"> to {address.email}</span>
                    </span>
                  </SubmitButton>
                )}
                <SubmitButton name="intent" value="remove" variant="secondary" className="px-3 py-1">
                  <span>
                    Remove<span className="sr-only"> {address.email}</span>
                  </span>
                </SubmitButton>
              </form>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function AddEmailForm() {
  const [state, action] = useActionState(addEmailAction, idle);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === 'success') form.current?.reset();
  }, [state]);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  return (
    <form ref={form} action={action} className="flex flex-col gap-3" noValidate>
      <ErrorSummary state={state} fields={FIELDS} />
      <FormMessage tone="success">{state.status === 'success' ? state.message : null}</FormMessage>
      <Field
        {...FIELDS.email}
        name="email"
        type="email"
        autoComplete="email"
        defaultValue={state.status === 'error' ? state.values?.email : undefined}
        hint="We email it a link. Badges sent to it show in your wallet once you open the link."
        errors={errors?.email}
      />
      <div>
        <SubmitButton pendingLabel="Sending…">Add address</SubmitButton>
      </div>
    </form>
  );
}
