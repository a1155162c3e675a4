'use server';

import { z } from 'zod';
import { signOut } from '@/auth';
import { userAction } from '@/lib/actions/form-action';
import { revokeUserSessions } from '@/lib/auth/sessions';

/** Ends every session of the signed-in user, on every device, this one included. */
export const signOutEverywhereAction = userAction({ schema: z.object({}) }, async ({ db, actor }) => {
  await revokeUserSessions(db, { userId: actor.id });
  await signOut({ redirectTo: '/sign-in' });
  return undefined;
});
