'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { idle } from '@/lib/actions/form-state';
import { NOTIFICATION_KINDS, NOTIFICATION_LABELS } from '@/lib/notifications/kinds';
import type { Preferences } from '@/lib/notifications/preferences';
import { notificationsAction } from './notification-actions';

export function NotificationsForm({ preferences }: { preferences: Preferences }) {
  const [state, action] = useActionState(notificationsAction, idle);
  return (
    <form action={action} className="flex flex-col gap-4">
      <FormMessage tone={state.status === 'error' ? 'error' : 'success'}>
        {state.status === 'idle' ? null : state.message}
      </FormMessage>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 font-medium">Email me when:</legend>
        {NOTIFICATION_KINDS.map((kind) => (
          <div key={kind} className="flex items-start gap-2">
            <input
              id={`notify-${kind}`}
              type="checkbox"
              name={kind}
              defaultChecked={preferences[kind]}
              aria-describedby={`notify-${kind}-about`}
              className="mt-1 h-4 w-4"
            />
            <div className="flex flex-col">
              <label htmlFor={`notify-${kind}`} className="font-medium">
                {NOTIFICATION_LABELS[kind].label}
              </label>
              <span id={`notify-${kind}-about`} className="text-sm text-stone-700">
                When {NOTIFICATION_LABELS[kind].about}.
              </span>
            </div>
          </div>
        ))}
      </fieldset>
      <p className="text-sm text-stone-700">
        Emails about your account itself (confirming an address, passwords, your data) are always sent.
      </p>
      <div>
        <SubmitButton pendingLabel="Saving…">Save notification settings</SubmitButton>
      </div>
    </form>
  );
}
