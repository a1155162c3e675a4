'use server';

import { signOut } from '@/auth';

/** The header's Sign out, on every page (cached ones too): ends the session and goes home. */
export async function signOutAction() {
  await signOut({ redirectTo: '/' });
}
