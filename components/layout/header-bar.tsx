import Link from 'next/link';
import type { ReactNode } from 'react';

export const headerLinkClass =
  'whitespace-nowrap rounded px-2 py-1 text-stone-800 hover:bg-stone-100 hover:text-stone-950';

/** The bar both headers share: the Laurel home link, then the links each header chooses. */
export function HeaderBar({ children }: { children: ReactNode }) {
  return (
    <header className="border-b border-stone-200 bg-white">
      <nav
        aria-label="Main"
        className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-2 gap-y-1 px-4 py-3"
      >
        <Link href="/" className="mr-auto text-lg font-bold text-brand-800">
          Laurel
        </Link>
        {children}
      </nav>
    </header>
  );
}
