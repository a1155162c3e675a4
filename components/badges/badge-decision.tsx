'use client';

import type { ReactNode } from 'react';
import { VisibilityChoice } from '@/components/badges/visibility-choice';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { FormState } from '@/lib/actions/form-state';

type Decision = {
  /** The form action (from useActionState) and its latest state. */
  action: (formData: FormData) => void;
  state: FormState;
  /** Hidden inputs naming the badge for the action (a claim token, or an award id and decision). */
  fields: ReactNode;
};

export type BadgeDecisionProps = {
  badgeName: string;
  issuerName: string;
  /** Absent when nobody is signed in to accept it (a claim link): only Decline is offered. */
  accept?: Decision;
  decline: Decision;
};

/**
 * Accept a badge (choosing who sees it) or decline it. Declining asks first and says what it
 * does, because it cannot be undone. Used by the claim page and the wallet's pending badge.
 */
export function BadgeDecision({ badgeName, issuerName, accept, decline }: BadgeDecisionProps) {
  const declineButton = (
    <ConfirmDialog
      triggerLabel="Decline"
      title="Decline this badge?"
      confirmLabel="Decline badge"
      pendingLabel="Declining…"
      action={decline.action}
      result={decline.state}
    >
      <FormMessage tone="error">
        {decline.state.status === 'error' ? decline.state.message : null}
      </FormMessage>
      {decline.fields}
      <p>
        {issuerName} will be told that you declined <strong>{badgeName}</strong>. It will not be added to your
        wallet, and its claim link will stop working.
      </p>
      <p>
        You cannot undo this. To get the badge later, you would have to ask {issuerName} to award it to you
        again.
      </p>
    </ConfirmDialog>
  );
  if (!accept) return <div>{declineButton}</div>;
  return (
    <div className="flex flex-col gap-4">
      <form action={accept.action} className="flex flex-col gap-3">
        <FormMessage tone="error">
          {accept.state.status === 'error' ? accept.state.message : null}
        </FormMessage>
        {accept.fields}
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
