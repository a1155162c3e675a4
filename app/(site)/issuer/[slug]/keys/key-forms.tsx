'use client';

import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/actions/form-state';
import { type CreatedKey, createKeyAction, revokeKeyAction } from './actions';

const start: CreatedKey = { status: 'idle' };

export function CreateKeyForm({ slug }: { slug: string }) {
  const [state, action] = useActionState(createKeyAction, start);
  return (
    <form action={action} className="flex max-w-xl flex-col gap-3">
      <FormMessage tone="error">{state.status === 'error' ? state.message : null}</FormMessage>
      {state.status === 'created' ? (
        <div role="status" className="rounded-md border border-green-700 bg-green-50 p-3 text-green-950">
          <p className="font-semibold">New key “{state.name}” — copy it now; it is shown only once.</p>
          <code data-testid="new-api-key" className="break-all">
            {state.key}
          </code>
        </div>
      ) : null}
      <input type="hidden" name="slug" value={slug} />
      <Field
        label="Key name"
        name="name"
        id="key-name"
        required
        hint="For example the system that will use it."
      />
      <div>
        <SubmitButton pendingLabel="Creating…">Create API key</SubmitButton>
      </div>
    </form>
  );
}

export function RevokeKeyForm({ slug, keyId, name }: { slug: string; keyId: string; name: string }) {
  const [state, action] = useActionState(revokeKeyAction, idle);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="keyId" value={keyId} />
      <SubmitButton variant="danger" pendingLabel="Revoking…">
        <span>
          Revoke<span className="sr-only"> {name}</span>
        </span>
      </SubmitButton>
      <FormMessage tone={state.status === 'error' ? 'error' : 'success'}>
        {state.status === 'idle' ? null : state.message}
      </FormMessage>
    </form>
  );
}
