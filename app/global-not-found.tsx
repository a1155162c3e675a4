import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import { CapturedMailBanner } from '@/components/layout/captured-mail-banner';
import { NotFoundPage } from '@/components/layout/not-found-page';
import { PageFrame } from '@/components/layout/page-frame';
import { SiteHeader } from '@/components/layout/site-header';
import './globals.css';

export const metadata: Metadata = {
  title: 'Page not found · Laurel',
  description: 'There is nothing at this address on Laurel, the open badge wallet.',
};
export const viewport: Viewport = { themeColor: '#166534' };

/**
 * An address no route matches (the app has three root layouts, so no single not-found.tsx can
 * serve them). Rendered per request: proxy.ts gives these paths a nonce policy, and a page built
 * once would have scripts without the nonce. It reads no session, like the cached pages.
 */
export default async function GlobalNotFound() {
  await connection();
  return (
    <PageFrame header={<SiteHeader />} banner={<CapturedMailBanner />}>
      <NotFoundPage />
    </PageFrame>
  );
}
