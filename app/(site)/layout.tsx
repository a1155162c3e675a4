import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { DeletionCancelledNotice } from '@/components/account/deletion-cancelled-notice';
import { DemoBanner } from '@/components/layout/demo-banner';
import { PageFrame } from '@/components/layout/page-frame';
import { SiteHeader } from '@/components/layout/site-header';
import { Providers } from '@/components/providers';
import { hasDeletionCancelledNote } from '@/lib/accounts/deletion/after-cancel';
import { getHeaderAccount } from '@/lib/auth/header-account';
import { getConfig } from '@/lib/config';
import '../globals.css';

export const metadata: Metadata = {
  title: { default: 'Laurel — your badges, your proof', template: '%s · Laurel' },
  description: 'Keep, control, share and prove the badges you have earned.',
};
export const viewport: Viewport = { themeColor: '#166534' };

/** Pages that know who is signed in. Rendered per request, so the banner follows the running server. */
export default async function SiteLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <PageFrame
      header={<SiteHeader account={await getHeaderAccount()} />}
      banner={getConfig().isDemoMode ? <DemoBanner /> : null}
    >
      <Providers>
        {(await hasDeletionCancelledNote()) ? <DeletionCancelledNotice /> : null}
        {children}
      </Providers>
    </PageFrame>
  );
}
