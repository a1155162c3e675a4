import 'server-only';
import { eq } from 'drizzle-orm';
import { redirect } from 'next/navigation';
import { auth } from '@/auth';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { primaryEmail } from '@/lib/accounts/credentials';
import { liveSessionUser } from './sessions';

export type CurrentUser = { id: string; name: string; email: string };

/**
 * The signed-in user, re-read from the database on every call: a deleted account or a session
 * that was signed out (here, everywhere, or by a password reset) counts as signed out, even if
 * someone replays its cookie.
 */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id || !session.sessionId) return null;
  const db = await getDb();
  if ((await liveSessionUser(db, session.sessionId)) !== id) return null;
  const [user] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, id));
  if (!user) return null;
  return { id: user.id, name: user.name, email: await primaryEmail(db, user.id) };
}

/** The id of the session behind this request's cookie, if it carries one. */
export async function currentSessionId(): Promise<string | undefined> {
  return (await auth())?.sessionId;
}

/** The signed-in user, or a redirect to sign in that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
