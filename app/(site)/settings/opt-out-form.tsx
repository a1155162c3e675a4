'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { Card } from '@/components/ui/card';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/actions/form-state';
import { formatDate } from '@/lib/format';
import { optOutAction } from './actions';

type Props = { optedOutAt: string | null };

/**
 * The opt-out is a choice with consequences, so it is two steps: tick or untick the box (the
 * effects are spelled out right above it), then confirm with a button that names the change.
 */
export function OptOutForm({ optedOutAt }: Props) {
  const [state, action] = useActionState(optOutAction, idle);
  const isOptedOut = optedOutAt !== null;
  const [wantsOut, setWantsOut] = useState(isOptedOut);
  const checkbox = useRef<HTMLInputElement>(null);

  // React resets the form after every action (to the new saved state when it succeeded), so the
  // button follows what the box really shows; focus stays on the box, as the button may go.
  useEffect(() => {
    setWantsOut(checkbox.current?.checked ?? isOptedOut);
    if (state.status === 'success') checkbox.current?.focus();
  }, [state, isOptedOut]);

  const isChanging = wantsOut !== isOptedOut;

  return (
    <Card>
      <form action={action} className="flex flex-col gap-4">
        <FormMessage tone={state.status === 'error' ? 'error' : 'success'}>
          {state.status === 'idle' ? null : state.message}
        </FormMessage>
        <p data-testid="opt-out-status" className="font-medium">
          {optedOutAt
            ? `You opted out of achievements on ${formatDate(optedOutAt)}.`
            : 'You are taking part in achievements.'}
        </p>
        <div id="opt-out-effects" className="flex flex-col gap-2 text-stone-800">
          <p>{isOptedOut ? 'While you are opted out:' : 'If you opt out:'}</p>
          <ul className="list-disc space-y-1 pl-6">
            <li>We send no badge emails to any of your addresses.</li>
            <li>
              New awards are recorded as opted out and never shown to you or anyone else. Issuers see the
              award as opted out.
            </li>
            <li>Badges waiting for your decision are hidden.</li>
            <li>Your public profile is hidden.</li>
            <li>Badges you have already accepted stay as they are.</li>
          </ul>
          <p>You can turn this off at any time, and future awards work normally again.</p>
        </div>
        <label className="flex items-start gap-2 font-medium">
          <input
            ref={checkbox}
            type="checkbox"
            name="optedOut"
            defaultChecked={isOptedOut}
            onChange={(event) => setWantsOut(event.target.checked)}
            aria-describedby="opt-out-effects"
            className="mt-1 h-4 w-4"
          />
          I do not want to participate in achievements
        </label>
        {isChanging ? (
          <div>
            <SubmitButton variant={wantsOut ? 'danger' : 'primary'} pendingLabel="Saving…">
              {wantsOut ? 'Opt out of achievements' : 'Opt back in'}
            </SubmitButton>
          </div>
        ) : (
          <p className="text-sm text-stone-700">
            {isOptedOut ? 'Untick the box to opt back in.' : 'Tick the box to opt out.'}
          </p>
        )}
      </form>
    </Card>
  );
}
