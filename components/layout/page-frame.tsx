import type { ReactNode } from 'react';
import { SiteFooter } from './site-footer';

/** The document around every page: skip link, demo banner (when mail is captured), header, main, footer. */
export function PageFrame({
  header,
  banner,
  children,
}: {
  header: ReactNode;
  banner: ReactNode;
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
        {banner}
        {header}
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
