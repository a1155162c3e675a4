import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { CapturedMailBanner } from '@/components/layout/captured-mail-banner';
import { PageFrame } from '@/components/layout/page-frame';
import { PublicHeader } from '@/components/layout/public-header';
import '../globals.css';

export const metadata: Metadata = {
  title: { default: 'Laurel', template: '%s · Laurel' },
};

/**
 * Pages that are the same for every visitor (public badges, /verify): they read no session, so
 * they can be served from Next's cache instead of being rendered per request. For the same
 * reason the demo banner is decided in the browser, by the server that serves the page.
 */
export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <PageFrame header={<PublicHeader />} banner={<CapturedMailBanner />}>
      {children}
    </PageFrame>
  );
}
