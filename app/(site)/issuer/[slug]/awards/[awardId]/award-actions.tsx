'use client';

import { useActionState, useEffect, useRef } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorSummary } from '@/components/ui/error-summary';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/actions/form-state';
import { resendFromConsoleAction, revokeFromConsoleAction } from '../actions';

type Props = {
  slug: string;
  awardId: string;
  recipientEmail: string;
  canResend: boolean;
  canRevoke: boolean;
  /** False for an award to a learner who opted out: they are never emailed. */
  canNotify: boolean;
};

const REASON = { id: 'revoke-reason', label: 'Reason' };

/**
 * Resend the claim email, or revoke the award after saying what revoking does and asking why.
 * The outcome stays on screen (and takes focus) once the page shows the award's new state.
 */
export function AwardActions({ slug, awardId, recipientEmail, canResend, canRevoke, canNotify }: Props) {
  const [revoked, revoke] = useActionState(revokeFromConsoleAction, idle);
  const [resent, resend] = useActionState(resendFromConsoleAction, idle);
  const outcome = useRef<HTMLDivElement>(null);
  const state = revoked.status === 'success' ? revoked : resent;
  useEffect(() => {
    if (revoked.status === 'success') outcome.current?.focus();
  }, [revoked]);
  const reasonErrors = revoked.status === 'error' ? revoked.fieldErrors?.reason : undefined;
  return (
    <div className="flex flex-col gap-3">
      <div ref={outcome} tabIndex={-1} className="focus:outline-none">
        <FormMessage tone={state.status === 'error' ? 'error' : 'success'}>
          {state.status === 'idle' ? null : state.message}
        </FormMessage>
      </div>
      <div className="flex flex-wrap gap-3">
        {canResend ? (
          <form action={resend}>
            <input type="hidden" name="slug" value={slug} />
            <input type="hidden" name="awardId" value={awardId} />
            <SubmitButton variant="secondary" pendingLabel="Sending…">
              Resend claim email
            </SubmitButton>
          </form>
        ) : null}
        {canRevoke ? (
          <ConfirmDialog
            triggerLabel="Revoke badge"
            triggerVariant="danger"
            title="Revoke this badge?"
            confirmLabel="Revoke badge"
            pendingLabel="Revoking…"
            action={revoke}
            result={revoked}
          >
            <p>
              The badge stops being valid at once: its public page, its hosted record and every verification
              will say it was revoked, with your reason. This cannot be undone.
            </p>
            <ErrorSummary state={revoked} fields={{ reason: REASON }} />
            <input type="hidden" name="slug" value={slug} />
            <input type="hidden" name="awardId" value={awardId} />
            <div className="flex flex-col gap-1">
              <label htmlFor={REASON.id} className="font-medium text-stone-900">
                {REASON.label}
                <span aria-hidden="true" className="text-red-700">
                  {' '}
                  *
                </span>
              </label>
              <textarea
                id={REASON.id}
                name="reason"
                rows={3}
                aria-required="true"
                aria-invalid={reasonErrors ? true : undefined}
                aria-describedby={`${REASON.id}-hint${reasonErrors ? ` ${REASON.id}-error` : ''}`}
                defaultValue={revoked.status === 'error' ? revoked.values?.reason : undefined}
                className={`rounded-md border bg-white px-3 py-2 text-base text-stone-900 ${reasonErrors ? 'border-red-700' : 'border-stone-400'}`}
              />
              <p id={`${REASON.id}-hint`} className="text-stone-600">
                The learner and anyone verifying the badge will see it.
              </p>
              {reasonErrors ? (
                <p id={`${REASON.id}-error`} className="font-medium text-red-700">
                  {reasonErrors.join(' ')}
                </p>
              ) : null}
            </div>
            {canNotify ? (
              <label className="flex items-start gap-2 [overflow-wrap:anywhere]">
                <input
                  type="checkbox"
                  name="notifyRecipient"
                  className="mt-0.5 h-4 w-4 shrink-0 accent-brand-700"
                />
                <span>Tell the learner by email ({recipientEmail})</span>
              </label>
            ) : null}
            <p className="text-stone-600">* required</p>
          </ConfirmDialog>
        ) : null}
      </div>
    </div>
  );
}
