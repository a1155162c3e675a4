import type { ReactNode } from 'react';
import { DemoBanner } from './demo-banner';
import { SiteFooter } from './site-footer';

/** The document around every page: skip link, demo banner, header, main, footer. */
export function PageFrame({
  header,
  isDemoMode,
  children,
}: {
  header: ReactNode;
  isDemoMode: boolean;
  children: ReactNode;
}) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col bg-stone-50 text-stone-900">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2"
        >
          Skip to content
        </a>
        {isDemoMode ? <DemoBanner /> : null}
        {header}
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
