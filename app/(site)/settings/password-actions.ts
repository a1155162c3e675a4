'use server';

import { headers } from 'next/headers';
import { changePassword, changePasswordSchema } from '@/lib/accounts/change-password';
import { userAction } from '@/lib/actions/form-action';
import { success } from '@/lib/actions/form-state';
import { clientKeyFrom } from '@/lib/auth/client-key';
import { currentSessionId } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';

/** Changes the signed-in user's own password; this session stays, every other one ends. */
export const changePasswordAction = userAction(
  {
    schema: changePasswordSchema,
    signedOutMessage: 'Your session has ended. Sign in again to change your password.',
  },
  async ({ input, db, actor }) => {
    await changePassword(db, {
      userId: actor.id,
      currentPassword: input.currentPassword,
      newPassword: input.newPassword,
      client: clientKeyFrom(await headers()),
      keepSessionId: await currentSessionId(),
      config: getConfig(),
    });
    return success(
      'Your password is changed. You stay signed in here; every other device has been signed out. We have emailed you to confirm.',
    );
  },
);
