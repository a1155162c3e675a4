'use client';

import { useEffect } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { DELETION_CANCELLED_COOKIE } from '@/lib/accounts/deletion/cancelled-cookie';

/** Shown once after a sign-in cancelled the account's deletion; the note is cleared as it shows. */
export function DeletionCancelledNotice() {
  useEffect(() => {
    // biome-ignore lint/suspicious/noDocumentCookie: a one-time note, cleared where it is read.
    document.cookie = `${DELETION_CANCELLED_COOKIE}=; Max-Age=0; path=/; SameSite=Lax`;
  }, []);
  return (
    <div className="mb-6">
      <FormMessage tone="success">
        <strong className="font-semibold">Your account deletion was cancelled.</strong> Welcome back: your
        account, badges and public profile are as they were.
      </FormMessage>
    </div>
  );
}
