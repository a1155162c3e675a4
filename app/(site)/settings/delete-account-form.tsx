'use client';

import { type FormEvent, startTransition, useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { DELETION_GRACE_DAYS } from '@/lib/accounts/deletion/grace';
import { idle } from '@/lib/actions/form-state';
import { deleteAccountAction } from './delete-account-actions';

const FIELDS = {
  password: { id: 'delete-account-password', label: 'Your password' },
  confirm: { id: 'delete-account-confirm', label: 'Confirmation' },
};

const names = new Intl.ListFormat('en-GB', { type: 'conjunction' });

/**
 * The danger zone at the bottom of Settings: what deleting does (and which issuers it would leave
 * without an admin), the password again and a ticked box. Submitted by hand like the password
 * form, so a refusal leaves the box as it was.
 */
export function DeleteAccountForm({ soleAdminOf }: { soleAdminOf: { name: string }[] }) {
  const [state, action, isPending] = useActionState(deleteAccountAction, idle);
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
  return (
    <section id="delete-account" aria-labelledby="delete-account-heading" className="flex flex-col gap-4">
      <h2 id="delete-account-heading" className="text-xl font-semibold text-red-800">
        Delete your account
      </h2>
      <div className="rounded-lg border border-red-300 bg-white p-6 shadow-sm">
        <form action={action} onSubmit={submit} className="flex flex-col gap-4" noValidate>
          <ErrorSummary state={state} fields={FIELDS} />
          <div id="delete-account-effects" className="flex flex-col gap-2 text-stone-800">
            <p>If you delete your account:</p>
            <ul className="list-disc space-y-1 pl-6">
              <li>
                Your badges and your public profile disappear from Laurel at once, and you are signed out.
              </li>
              <li>
                After {DELETION_GRACE_DAYS} days your name, email addresses, photo and profile are erased for
                good.
              </li>
              <li>
                Your badges go back to their issuers as unclaimed, and the issuers are told. Whoever proves
                the email address can claim them again.
              </li>
            </ul>
            <p>
              Changed your mind? Sign in within {DELETION_GRACE_DAYS} days and everything is as before. We
              email you the date.
            </p>
            {soleAdminOf.length > 0 ? (
              <p className="rounded-md border-l-4 border-amber-700 bg-amber-50 px-3 py-2 text-amber-950 [overflow-wrap:anywhere]">
                <strong>
                  You are the only admin of {names.format(soleAdminOf.map((issuer) => issuer.name))}.
                </strong>{' '}
                Once your account is deleted, nobody can manage {soleAdminOf.length === 1 ? 'it' : 'them'} in
                the issuer console until whoever runs this Laurel adds another admin. Ask them to do that
                first.
              </p>
            ) : null}
          </div>
          <Field
            {...FIELDS.password}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            errors={errors?.password}
          />
          <div className="flex flex-col gap-1">
            <label className="flex items-start gap-2 font-medium">
              <input
                id={FIELDS.confirm.id}
                type="checkbox"
                name="confirm"
                required
                aria-invalid={errors?.confirm ? true : undefined}
                aria-describedby={errors?.confirm ? 'delete-account-confirm-error' : 'delete-account-effects'}
                className="mt-1 h-4 w-4"
              />
              I understand that my account and my claim on my badges will be deleted
            </label>
            {errors?.confirm ? (
              <p id="delete-account-confirm-error" className="text-sm text-red-700">
                {errors.confirm.join(' ')}
              </p>
            ) : null}
          </div>
          <div>
            <Button type="submit" variant="danger" disabled={isPending} aria-disabled={isPending}>
              {isPending ? 'Deleting…' : 'Delete my account'}
            </Button>
          </div>
        </form>
      </div>
    </section>
  );
}
