'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import type { HeaderAccount } from '@/lib/auth/header-account';
import { SIGNED_IN_HINT } from '@/lib/auth/signed-in-hint';
import { headerCallClass, headerLinkClass } from './header-links';
import { signOutAction } from './sign-out-action';

const hasHint = () => document.cookie.split('; ').includes(`${SIGNED_IN_HINT}=1`);

async function askServer(signal: AbortSignal): Promise<HeaderAccount | null> {
  const response = await fetch('/api/account', { cache: 'no-store', signal });
  const body = response.ok
    ? ((await response.json()) as { signedIn?: boolean; isIssuerMember?: boolean })
    : {};
  return body.signedIn === true ? { isIssuerMember: body.isIssuerMember === true } : null;
}

/**
 * The header's account links. `account` is what a per-request page knows (null: signed out);
 * undefined on cached pages, which are rendered signed out and swap in the signed-in links after
 * loading, asking the server only when the signed-in hint says someone signed in here.
 */
export function AccountLinks({ account }: { account?: HeaderAccount | null }) {
  const [asked, setAsked] = useState<HeaderAccount | null>(null);
  useEffect(() => {
    if (account !== undefined || !hasHint()) return;
    const controller = new AbortController();
    askServer(controller.signal)
      .then(setAsked)
      .catch(() => undefined);
    return () => controller.abort();
  }, [account]);
  const shown = account === undefined ? asked : account;

  if (!shown) {
    return (
      <>
        <Link href="/sign-in" className={headerLinkClass}>
          Sign in
        </Link>
        <Link href="/sign-up" className={headerCallClass}>
          Create account
        </Link>
      </>
    );
  }
  return (
    <>
      <Link href="/wallet" className={headerLinkClass}>
        Your wallet
      </Link>
      <Link href="/settings" className={headerLinkClass}>
        Settings
      </Link>
      {shown.isIssuerMember ? (
        <Link href="/issuer" className={headerLinkClass}>
          Issuer console
        </Link>
      ) : null}
      <form action={signOutAction} className="contents">
        <button type="submit" className={`${headerLinkClass} text-left`}>
          Sign out
        </button>
      </form>
    </>
  );
}
