import 'server-only';
import { getDb } from '@/db/client';
import { listMemberships } from '@/lib/issuers/members';
import { getCurrentUser } from './session';

/** What the site header needs to know about whoever is signed in; null when nobody is. */
export type HeaderAccount = { isIssuerMember: boolean };

export async function getHeaderAccount(): Promise<HeaderAccount | null> {
  const user = await getCurrentUser();
  if (!user) return null;
  return { isIssuerMember: (await listMemberships(await getDb(), user.id)).length > 0 };
}
