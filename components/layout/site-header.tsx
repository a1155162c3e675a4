import Link from 'next/link';
import { signOut } from '@/auth';
import { getDb } from '@/db/client';
import { getCurrentUser } from '@/lib/auth/session';
import { listMemberships } from '@/lib/issuers/members';

async function signOutAction() {
  'use server';
  await signOut({ redirectTo: '/' });
}

const linkClass = 'rounded px-2 py-1 text-stone-800 hover:bg-stone-100 hover:text-stone-950';

export async function SiteHeader() {
  const user = await getCurrentUser();
  const isIssuerMember = user ? (await listMemberships(await getDb(), user.id)).length > 0 : false;
  return (
    <header className="border-b border-stone-200 bg-white">
      <nav aria-label="Main" className="mx-auto flex max-w-5xl items-center gap-2 px-4 py-3">
        <Link href="/" className="mr-auto text-lg font-bold text-brand-800">
          Laurel
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
      </nav>
    </header>
  );
}
