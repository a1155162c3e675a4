import Link from 'next/link';

const linkClass = 'rounded px-2 py-1 text-stone-800 hover:bg-stone-100 hover:text-stone-950';

/** The header of cached public pages: the same for every visitor, so it reads no session. */
export function PublicHeader() {
  return (
    <header className="border-b border-stone-200 bg-white">
      <nav aria-label="Main" className="mx-auto flex max-w-5xl items-center gap-2 px-4 py-3">
        <Link href="/" className="mr-auto text-lg font-bold text-brand-800">
          Laurel
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
      </nav>
    </header>
  );
}
