'use client';

import { useActionState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormMessage } from '@/components/ui/form-message';
import { idle } from '@/lib/actions/form-state';
import { removeImportedBadgeAction } from './actions';

/** Takes the badge out of the wallet (its issuer's record is untouched); asks first. */
export function RemoveImported({ id, name }: { id: string; name: string }) {
  const [state, action] = useActionState(removeImportedBadgeAction, idle);
  return (
    <section aria-labelledby="remove-heading" className="flex flex-col gap-3">
      <h2 id="remove-heading" className="text-xl font-semibold">
        Remove from your wallet
      </h2>
      {state.status === 'error' ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      <div>
        <ConfirmDialog
          triggerLabel="Remove this badge"
          title={`Remove ${name}?`}
          confirmLabel="Remove it"
          confirmVariant="danger"
          action={action}
          result={state}
        >
          <input type="hidden" name="id" value={id} />
          <p>It leaves your wallet, its public page and your profile. You can add the file again later.</p>
        </ConfirmDialog>
      </div>
    </section>
  );
}
