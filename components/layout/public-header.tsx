import Link from 'next/link';
import { HeaderBar, headerLinkClass as linkClass } from './header-bar';

/** The header of cached public pages: the same for every visitor, so it reads no session. */
export function PublicHeader() {
  return (
    <HeaderBar>
      <Link href="/explore" className={linkClass}>
        Jobs and skills
      </Link>
      <Link href="/verify" className={linkClass}>
        Verify a badge
      </Link>
      <Link href="/help" className={linkClass}>
        Help
      </Link>
      <Link href="/wallet" className={linkClass}>
        Your wallet
      </Link>
    </HeaderBar>
  );
}
