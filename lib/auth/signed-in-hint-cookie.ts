import 'server-only';
import { cookies } from 'next/headers';
import { getConfig } from '@/lib/config';
import { SESSION_MAX_AGE_SECONDS, SIGNED_IN_HINT } from './signed-in-hint';

/**
 * Sets or clears the signed-in hint on the response. Only where Next lets cookies change: server
 * actions and route handlers (Auth.js's sign-in and sign-out run in one of those).
 */
export async function writeSignedInHint(isSignedIn: boolean) {
  const jar = await cookies();
  if (!isSignedIn) {
    jar.delete(SIGNED_IN_HINT);
    return;
  }
  jar.set(SIGNED_IN_HINT, '1', {
    path: '/',
    maxAge: SESSION_MAX_AGE_SECONDS,
    sameSite: 'lax',
    secure: getConfig().appUrl.startsWith('https:'),
    httpOnly: false,
  });
}
