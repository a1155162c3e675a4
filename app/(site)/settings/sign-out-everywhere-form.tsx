'use client';

import { SubmitButton } from '@/components/ui/submit-button';
import { signOutEverywhereAction } from './session-actions';

export function SignOutEverywhereForm() {
  return (
    <section aria-labelledby="sessions-heading" className="flex flex-col gap-4">
      <h2 id="sessions-heading" className="text-xl font-semibold">
        Sessions
      </h2>
      <form action={signOutEverywhereAction} className="flex flex-col items-start gap-2">
        <p className="text-stone-700">
          Signed in on a shared or lost device? This signs you out on every device and browser, including this
          one.
        </p>
        <SubmitButton pendingLabel="Signing out…" variant="secondary">
          Sign out everywhere
        </SubmitButton>
      </form>
    </section>
  );
}
