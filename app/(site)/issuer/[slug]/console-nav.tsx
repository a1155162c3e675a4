'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** A tab is current on its own page and on any page under `under` (an award's page under Awards). */
export type ConsoleTab = {
  label: string;
  href: string;
  under?: string;
  /** How many things wait there ("3", "100+"); none shows no badge. */
  count?: string;
};

function isCurrent(pathname: string, tab: ConsoleTab): boolean {
  if (pathname === tab.href) return true;
  return tab.under !== undefined && (pathname === tab.under || pathname.startsWith(`${tab.under}/`));
}

/** The console's tabs, the current one marked for everyone: aria-current and a visible underline. */
export function ConsoleNav({ tabs }: { tabs: ConsoleTab[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Issuer console">
      <ul className="flex flex-wrap gap-x-1 gap-y-2 border-b border-stone-300">
        {tabs.map((tab) => {
          const current = isCurrent(pathname, tab);
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={current ? 'page' : undefined}
                // "Undelivered, 3 waiting": the bare number would not say what it counts.
                aria-label={tab.count ? `${tab.label}, ${tab.count} waiting` : undefined}
                className={[
                  '-mb-px block border-b-4 px-3 py-2 text-sm font-medium no-underline',
                  current
                    ? 'border-brand-700 text-brand-900'
                    : 'border-transparent text-stone-700 hover:border-stone-300 hover:text-stone-900',
                ].join(' ')}
              >
                {tab.label}
                {tab.count ? (
                  <span className="ml-1.5 rounded-full bg-red-700 px-2 py-0.5 text-xs font-semibold text-white">
                    {tab.count}
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
