import Link from 'next/link';
import { signOut } from '@/auth';
import { getDb } from '@/db/client';
import { getCurrentUser } from '@/lib/auth/session';
import { listMemberships } from '@/lib/issuers/members';
import { HeaderBar, headerLinkClass as linkClass } from './header-bar';

async function signOutAction() {
  'use server';
  await signOut({ redirectTo: '/' });
}

export async function SiteHeader() {
  const user = await getCurrentUser();
  const isIssuerMember = user ? (await listMemberships(await getDb(), user.id)).length > 0 : false;
  return (
    <HeaderBar>
      <Link href="/explore" className={linkClass}>
        Jobs and skills
      </Link>
      <Link href="/help" className={linkClass}>
        Help
      </Link>
      {user ? (
        <>
          <Link href="/wallet" className={linkClass}>
            Wallet
          </Link>
          <Link href="/settings" className={linkClass}>
            Settings
          </Link>
          {isIssuerMember ? (
            <Link href="/issuer" className={linkClass}>
              Issuer console
            </Link>
          ) : null}
          <span className="hidden text-sm text-stone-700 sm:inline">{user.name}</span>
          <form action={signOutAction}>
            <button type="submit" className={linkClass}>
              Sign out
            </button>
          </form>
        </>
      ) : (
        <>
          <Link href="/sign-in" className={linkClass}>
            Sign in
          </Link>
          <Link href="/sign-up" className={`${linkClass} font-medium text-brand-800`}>
            Create account
          </Link>
        </>
      )}
    </HeaderBar>
  );
}
