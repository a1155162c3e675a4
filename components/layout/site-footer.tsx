import Link from 'next/link';

export function SiteFooter() {
  return (
    <footer className="border-t border-stone-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap gap-4 px-4 py-6 text-sm text-stone-700">
        <span>Laurel — an open badge wallet. Open Badges 2.0 and 3.0.</span>
        <Link href="/help" className="underline">
          Help
        </Link>
      </div>
    </footer>
  );
}
