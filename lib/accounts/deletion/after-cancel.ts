import 'server-only';
import { cookies } from 'next/headers';
import type { Executor } from '@/db/client';
import { refreshBadgePagesOf } from '@/lib/badges/refresh';
import { getConfig } from '@/lib/config';
import { DELETION_CANCELLED_COOKIE, DELETION_CANCELLED_MAX_AGE_SECONDS } from './cancelled-cookie';

/**
 * After a sign-in cancelled the deletion (in Auth.js's authorize, so inside a server action): the
 * badge pages come back on every instance (the same revalidation as the privacy switch), and the
 * next page tells the learner.
 */
export async function afterDeletionCancelled(db: Executor, userId: string) {
  await refreshBadgePagesOf(db, userId);
  (await cookies()).set(DELETION_CANCELLED_COOKIE, '1', {
    path: '/',
    maxAge: DELETION_CANCELLED_MAX_AGE_SECONDS,
    sameSite: 'lax',
    secure: getConfig().appUrl.startsWith('https:'),
    httpOnly: false,
  });
}

/** Whether this request carries the note (the layout shows the notice). */
export async function hasDeletionCancelledNote(): Promise<boolean> {
  return (await cookies()).get(DELETION_CANCELLED_COOKIE)?.value === '1';
}
