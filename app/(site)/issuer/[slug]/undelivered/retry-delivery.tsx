'use client';

import { useActionState, useEffect, useRef } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/actions/form-state';
import { retryDeliveryAction } from './actions';

type Props = {
  slug: string;
  deliveryId: string;
  /** Only a failed delivery can be retried; stays mounted otherwise to keep its outcome. */
  canRetry: boolean;
  /** Which delivery, for screen readers: there is a Retry per delivery. */
  what: string;
};

/** Retry for one failed webhook delivery; once queued it says so where the button was. */
export function RetryDelivery({ slug, deliveryId, canRetry, what }: Props) {
  const [state, action] = useActionState(retryDeliveryAction, idle);
  const outcome = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    // The button is gone: focus goes to what replaced it, not to the top of the page.
    if (state.status === 'success') outcome.current?.focus();
  }, [state]);
  if (state.status === 'success') {
    return (
      <p
        ref={outcome}
        tabIndex={-1}
        role="status"
        className="font-medium text-brand-800 focus:outline-none"
        data-testid="retry-outcome"
      >
        {state.message}
      </p>
    );
  }
  if (!canRetry) return null;
  return (
    <form action={action} className="flex flex-col items-start gap-2">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <FormMessage tone="error">{state.status === 'error' ? state.message : null}</FormMessage>
      <SubmitButton variant="secondary" pendingLabel="Retrying…">
        Retry<span className="sr-only"> {what}</span>
      </SubmitButton>
    </form>
  );
}
