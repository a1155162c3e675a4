import Link from 'next/link';
import type { ReactNode } from 'react';
import { HeaderMenu } from './header-menu';
import { LaurelMark } from './laurel-mark';

/** The header's frame: the Laurel home link, then the links (a menu on narrow screens). */
export function HeaderBar({ children }: { children: ReactNode }) {
  return (
    <header className="border-b border-stone-200 bg-white">
      <nav
        aria-label="Main"
        className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3"
      >
        <Link href="/" className="inline-flex items-center gap-2 text-lg font-bold text-brand-800">
          <LaurelMark className="h-7 w-7" />
          Laurel
        </Link>
        <HeaderMenu>{children}</HeaderMenu>
      </nav>
    </header>
  );
}
