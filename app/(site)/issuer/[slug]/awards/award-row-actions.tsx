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
}: {
  slug: string;
  awardId: string;
  canResend: boolean;
  canRevoke: boolean;
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
