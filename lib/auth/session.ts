import 'server-only';
import { eq } from 'drizzle-orm';
import { redirect } from 'next/navigation';
import { auth } from '@/auth';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { primaryEmail } from '@/lib/accounts/credentials';

export type CurrentUser = { id: string; name: string; email: string };

/**
 * The signed-in user, re-read from the database on every call: a deleted account or a session
 * from before a password reset counts as signed out.
 */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const db = await getDb();
  const [user] = await db
    .select({ id: users.id, name: users.name, passwordChangedAt: users.passwordChangedAt })
    .from(users)
    .where(eq(users.id, id));
  if (!user || user.passwordChangedAt.getTime() > session.authAt + 1000) return null;
  return { id: user.id, name: user.name, email: await primaryEmail(db, user.id) };
}

/** The signed-in user, or a redirect to sign in that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** Only same-site paths may be redirect targets, never another origin. */
export function safeReturnPath(value: unknown, fallback = '/wallet'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return fallback;
  }
  return value;
}
