import Link from 'next/link';

/** Says on every page that mail is kept at /dev/mailbox rather than sent (see Config.isDemoMode). */
export function DemoBanner() {
  return (
    <aside aria-label="Demo mode" className="bg-amber-100 px-4 py-1.5 text-center text-sm text-amber-950">
      Demo mode — emails are not sent.{' '}
      <Link href="/dev/mailbox" className="font-medium underline">
        Open the mailbox
      </Link>
    </aside>
  );
}
