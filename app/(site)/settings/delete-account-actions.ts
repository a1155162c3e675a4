'use server';

import { headers } from 'next/headers';
import { signOut } from '@/auth';
import { deleteAccountSchema, requestAccountDeletion } from '@/lib/accounts/deletion/request';
import { userAction } from '@/lib/actions/form-action';
import { clientKeyFrom } from '@/lib/auth/client-key';
import { refreshBadgePagesOf } from '@/lib/badges/refresh';
import { getConfig } from '@/lib/config';

/**
 * Asks for the signed-in user's account to be deleted (their password again), takes their badges
 * off every instance's cached pages, signs them out and shows when the deletion becomes final.
 */
export const deleteAccountAction = userAction(
  {
    schema: deleteAccountSchema,
    signedOutMessage: 'Your session has ended. Sign in again to delete your account.',
  },
  async ({ input, db, actor }) => {
    const { finalAt } = await requestAccountDeletion(db, {
      userId: actor.id,
      password: input.password,
      client: clientKeyFrom(await headers()),
      config: getConfig(),
    });
    await refreshBadgePagesOf(db, actor.id);
    await signOut({ redirectTo: `/account-deleted?final=${finalAt.toISOString().slice(0, 10)}` });
    return undefined;
  },
);
