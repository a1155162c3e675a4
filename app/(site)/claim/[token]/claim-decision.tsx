'use client';

import { useActionState } from 'react';
import { VisibilityChoice } from '@/components/badges/visibility-choice';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/actions/form-state';
import { acceptClaimAction, declineClaimAction } from './actions';

/** Accept and Decline for a claim link; Accept only when someone is signed in. */
export function ClaimDecision({ token, canAccept }: { token: string; canAccept: boolean }) {
  const [accepted, accept] = useActionState(acceptClaimAction, idle);
  const [declined, decline] = useActionState(declineClaimAction, idle);
  if (declined.status === 'success') return <FormMessage tone="success">{declined.message}</FormMessage>;
  const error =
    accepted.status === 'error' ? accepted.message : declined.status === 'error' ? declined.message : null;
  return (
    <div className="flex flex-col gap-3">
      <FormMessage tone="error">{error}</FormMessage>
      <div className="flex flex-wrap gap-3">
        {canAccept ? (
          <form action={accept} className="flex w-full flex-col gap-3">
            <input type="hidden" name="token" value={token} />
            <VisibilityChoice />
            <div>
              <SubmitButton pendingLabel="Accepting…">Accept badge</SubmitButton>
            </div>
          </form>
        ) : null}
        <form action={decline}>
          <input type="hidden" name="token" value={token} />
          <SubmitButton variant="secondary" pendingLabel="Declining…">
            Decline
          </SubmitButton>
        </form>
      </div>
    </div>
  );
}
