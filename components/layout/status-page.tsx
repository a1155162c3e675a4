import type { ReactNode } from 'react';

/**
 * The body of Laurel's error pages (not found, forbidden, something broke): what happened in
 * plain words and a way on. No hooks, so the error boundaries (client components) use it too.
 */
export function StatusPage({
  status,
  title,
  children,
  actions,
}: {
  /** A short line above the heading, e.g. "Page not found (404)". */
  status: string;
  title: string;
  children: ReactNode;
  /** Links or buttons leading somewhere useful. */
  actions: ReactNode;
}) {
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4 py-4 sm:py-10">
      <p className="text-sm font-semibold text-brand-800">{status}</p>
      <h1 className="text-3xl font-bold [overflow-wrap:anywhere]">{title}</h1>
      <div className="flex flex-col gap-3 text-stone-800">{children}</div>
      <div className="mt-2 flex flex-wrap items-center gap-3">{actions}</div>
    </div>
  );
}
