'use client';

import { useActionState } from 'react';
import { VisibilityChoice } from '@/components/badges/visibility-choice';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/actions/form-state';
import { decideAwardAction } from './actions';

export function PendingDecision({ awardId }: { awardId: string }) {
  const [state, action] = useActionState(decideAwardAction, idle);
  return (
    <form action={action} className="flex flex-col gap-3">
      <FormMessage tone="error">{state.status === 'error' ? state.message : null}</FormMessage>
      <input type="hidden" name="awardId" value={awardId} />
      <VisibilityChoice />
      <div className="flex gap-3">
        <SubmitButton name="decision" value="accepted" pendingLabel="Saving…">
          Accept badge
        </SubmitButton>
        <SubmitButton name="decision" value="declined" variant="secondary" pendingLabel="Saving…">
          Decline
        </SubmitButton>
      </div>
    </form>
  );
}
