import 'server-only';
import { forbidden, notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import { type MemberRole, requireIssuerRole } from '@/lib/issuers/members';

/**
 * The signed-in member and their issuer for a console page. Not a member → 404 (the issuer's
 * console does not exist for them); staff on an admin page → 403. Actions use `issuerAction`.
 */
export async function consoleContext(slug: string, path: string, needs?: MemberRole) {
  const user = await requireUser(`/issuer/${slug}${path}`);
  const db = await getDb();
  try {
    const { issuer, role } = await requireIssuerRole(db, { userId: user.id, slug, needs });
    return { user, issuer, role, db };
  } catch (error) {
    if (isAppError(error, 'not_found')) notFound();
    if (isAppError(error, 'forbidden')) forbidden();
    throw error;
  }
}
