'use client';

import { useActionState } from 'react';
import { DeclineConsequences } from '@/components/badges/decline-consequences';
import { VisibilityChoice } from '@/components/badges/visibility-choice';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/actions/form-state';
import { acceptClaimAction, declineClaimAction } from './actions';

type Props = { token: string; canAccept: boolean; badgeName: string; issuerName: string };

/** Accept (only when someone is signed in) and Decline, which asks first, for a claim link. */
export function ClaimDecision({ token, canAccept, badgeName, issuerName }: Props) {
  const [accepted, accept] = useActionState(acceptClaimAction, idle);
  const [declined, decline] = useActionState(declineClaimAction, idle);
  const declineButton = (
    <ConfirmDialog
      triggerLabel="Decline"
      title="Decline this badge?"
      confirmLabel="Decline badge"
      pendingLabel="Declining…"
      action={decline}
      result={declined}
    >
      <FormMessage tone="error">{declined.status === 'error' ? declined.message : null}</FormMessage>
      <input type="hidden" name="token" value={token} />
      <DeclineConsequences badgeName={badgeName} issuerName={issuerName} />
    </ConfirmDialog>
  );
  if (!canAccept) return <div>{declineButton}</div>;
  return (
    <div className="flex flex-col gap-4">
      <form action={accept} className="flex flex-col gap-3">
        <FormMessage tone="error">{accepted.status === 'error' ? accepted.message : null}</FormMessage>
        <input type="hidden" name="token" value={token} />
        <VisibilityChoice />
        <div>
          <SubmitButton pendingLabel="Accepting…">Accept badge</SubmitButton>
        </div>
      </form>
      <div className="flex flex-wrap items-center gap-3 border-t border-stone-200 pt-4">
        <span className="text-stone-700">Don't want it?</span>
        {declineButton}
      </div>
    </div>
  );
}
