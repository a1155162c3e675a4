import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { PageFrame } from '@/components/layout/page-frame';
import { PublicHeader } from '@/components/layout/public-header';
import { getConfig } from '@/lib/config';
import '../globals.css';

export const metadata: Metadata = {
  title: { default: 'Laurel', template: '%s · Laurel' },
};

/**
 * Pages that are the same for every visitor (public badges, /verify): they read no session, so
 * they can be served from Next's cache instead of being rendered per request.
 */
export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <PageFrame header={<PublicHeader />} isDemoMode={getConfig().isDemoMode}>
      {children}
    </PageFrame>
  );
}
