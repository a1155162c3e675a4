import 'server-only';
import { type CurrentUser, getCurrentUser } from '@/lib/auth/session';

/**
 * The only place server actions read the session. It is its own module so the stranger-matrix
 * test can stand a real database user in for next-auth's cookie reading, which needs a Next
 * request; everything after it (membership, parsing, the domain) runs for real.
 */
export function currentActor(): Promise<CurrentUser | null> {
  return getCurrentUser();
}
