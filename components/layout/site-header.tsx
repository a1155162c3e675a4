import Link from 'next/link';
import type { HeaderAccount } from '@/lib/auth/header-account';
import { AccountLinks } from './account-links';
import { HeaderBar } from './header-bar';
import { headerLinkClass } from './header-links';

/**
 * The one header of every page. `account` comes from pages rendered per request (null: signed
 * out); cached pages leave it out, are rendered signed out, and AccountLinks swaps in the
 * signed-in links in the browser. The account links sit at the far end, so swapping them moves
 * nothing else.
 */
export function SiteHeader({ account }: { account?: HeaderAccount | null }) {
  return (
    <HeaderBar>
      <Link href="/explore" className={headerLinkClass}>
        Jobs and skills
      </Link>
      <Link href="/verify" className={headerLinkClass}>
        Verify a badge
      </Link>
      <Link href="/help" className={headerLinkClass}>
        Help
      </Link>
      <div className="flex flex-col gap-1 border-t border-stone-200 pt-1 lg:ml-auto lg:flex-row lg:items-center lg:border-0 lg:pt-0">
        <AccountLinks account={account} />
      </div>
    </HeaderBar>
  );
}
