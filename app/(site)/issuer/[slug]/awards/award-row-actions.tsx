'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/actions/form-state';
import { resendFromConsoleAction, revokeFromConsoleAction } from './actions';

export function AwardRowActions({
  slug,
  awardId,
  canResend,
  canRevoke,
  canNotify = true,
}: {
  slug: string;
  awardId: string;
  canResend: boolean;
  canRevoke: boolean;
  /** False for an award to a learner who opted out: they are never emailed. */
  canNotify?: boolean;
}) {
  const [revoked, revoke] = useActionState(revokeFromConsoleAction, idle);
  const [resent, resend] = useActionState(resendFromConsoleAction, idle);
  const state = revoked.status !== 'idle' ? revoked : resent;
  return (
    <div className="flex flex-col gap-2">
      {canRevoke ? (
        <form action={revoke} className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="awardId" value={awardId} />
          <label className="flex flex-col text-xs">
            Reason
            <input name="reason" className="rounded border border-stone-400 px-2 py-1 text-sm" />
          </label>
          {canNotify ? (
            <label className="flex items-center gap-1.5 py-1 text-xs">
              <input type="checkbox" name="notifyRecipient" className="h-4 w-4 accent-brand-700" />
              Tell the learner by email
            </label>
          ) : null}
          <SubmitButton variant="danger" pendingLabel="Revoking…">
            Revoke
          </SubmitButton>
        </form>
      ) : null}
      {canResend ? (
        <form action={resend}>
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="awardId" value={awardId} />
          <SubmitButton variant="secondary" pendingLabel="Sending…">
            Resend claim email
          </SubmitButton>
        </form>
      ) : null}
      <FormMessage tone={state.status === 'error' ? 'error' : 'success'}>
        {state.status === 'idle' ? null : state.message}
      </FormMessage>
    </div>
  );
}
