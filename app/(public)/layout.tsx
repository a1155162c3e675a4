import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { CapturedMailBanner } from '@/components/layout/captured-mail-banner';
import { PageFrame } from '@/components/layout/page-frame';
import { SiteHeader } from '@/components/layout/site-header';
import '../globals.css';

export const metadata: Metadata = {
  title: { default: 'Laurel', template: '%s · Laurel' },
  description: 'Laurel is an open badge wallet: see what someone earned, from whom and how, and verify it.',
};
export const viewport: Viewport = { themeColor: '#166534' };

/**
 * Pages that are the same for every visitor (public badges, /verify): they read no session, so
 * they can be served from Next's cache instead of being rendered per request. For the same
 * reason the header is rendered signed out and the demo banner is decided in the browser.
 */
export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <PageFrame header={<SiteHeader />} banner={<CapturedMailBanner />}>
      {children}
    </PageFrame>
  );
}
