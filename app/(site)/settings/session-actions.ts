'use server';

import { signOut } from '@/auth';
import { getDb } from '@/db/client';
import { getCurrentUser } from '@/lib/auth/session';
import { revokeUserSessions } from '@/lib/auth/sessions';

/** Ends every session of the signed-in user, on every device, this one included. */
export async function signOutEverywhereAction() {
  const user = await getCurrentUser();
  if (user) await revokeUserSessions(await getDb(), { userId: user.id });
  await signOut({ redirectTo: '/sign-in' });
}
