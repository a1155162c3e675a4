import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { DemoBanner } from '@/components/layout/demo-banner';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { getConfig } from '@/lib/config';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Laurel — your badges, your proof', template: '%s · Laurel' },
  description: 'Keep, control, share and prove the badges you have earned.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  const { isDemoMode } = getConfig();
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
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
