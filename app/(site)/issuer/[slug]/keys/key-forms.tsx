'use client';

import { useActionState, useEffect, useRef } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { CopyButton } from '@/components/ui/copy-button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/actions/form-state';
import { formatDate } from '@/lib/format';
import { type CreatedKey, createKeyAction, revokeKeyAction } from './actions';

const start: CreatedKey = { status: 'idle' };
const FIELDS = { name: { id: 'key-name', label: 'Key name' } };

/** `activeKeyIds`: the keys not revoked, so a new key revoked from the list below stops showing. */
export function CreateKeyForm({ slug, activeKeyIds }: { slug: string; activeKeyIds: string[] }) {
  const [state, action] = useActionState(createKeyAction, start);
  const created = state.status === 'created' && activeKeyIds.includes(state.keyId) ? state : null;
  return (
    <form action={action} className="flex max-w-xl min-w-0 flex-col gap-3" noValidate>
      <ErrorSummary state={state} fields={FIELDS} />
      {created ? (
        <div className="flex flex-col gap-2 rounded-md border border-green-700 bg-green-50 p-3 text-green-950">
          <p className="font-semibold">
            New key “{created.name}”. Copy it now: it is shown only here, once, and not after you leave this
            page.
          </p>
          <code data-testid="new-api-key" className="break-all">
            {created.key}
          </code>
          <CopyButton text={created.key} label="Copy key" />
        </div>
      ) : null}
      <input type="hidden" name="slug" value={slug} />
      <Field
        label="Key name"
        name="name"
        id={FIELDS.name.id}
        required
        hint="For example the system that will use it."
        errors={state.status === 'error' ? state.fieldErrors?.name : undefined}
        defaultValue={state.status === 'error' ? state.values?.name : undefined}
      />
      <div>
        <SubmitButton pendingLabel="Creating…">Create API key</SubmitButton>
      </div>
    </form>
  );
}

type KeyStatusProps = { slug: string; keyId: string; name: string; revokedAt: Date | null };

/** A key's status cell: Revoke (asking first) while active, then when it was revoked. */
export function KeyStatus({ slug, keyId, name, revokedAt }: KeyStatusProps) {
  const [state, action] = useActionState(revokeKeyAction, idle);
  const revokedNote = useRef<HTMLParagraphElement>(null);
  // Once the list shows the key revoked, focus lands on that (the button that opened the dialog is gone).
  useEffect(() => {
    if (state.status === 'success' && revokedAt) revokedNote.current?.focus();
  }, [state, revokedAt]);
  if (revokedAt) {
    return (
      <p ref={revokedNote} tabIndex={-1}>
        Revoked {formatDate(revokedAt)}
      </p>
    );
  }
  return (
    <ConfirmDialog
      triggerLabel={
        <>
          Revoke<span className="sr-only"> {name}</span>
        </>
      }
      triggerVariant="danger"
      title={`Revoke the key “${name}”?`}
      confirmLabel="Revoke key"
      pendingLabel="Revoking…"
      action={action}
      result={state}
    >
      <p>
        Every request that uses it is refused from now on. This cannot be undone: to let a system back in,
        create a new key and give it that one.
      </p>
      <FormMessage tone="error">{state.status === 'error' ? state.message : null}</FormMessage>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="keyId" value={keyId} />
    </ConfirmDialog>
  );
}
