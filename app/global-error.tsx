'use client';

import { ErrorPage } from '@/components/layout/error-page';
import { PageFrame } from '@/components/layout/page-frame';
import { SiteHeader } from '@/components/layout/site-header';
import './globals.css';

/** A failure in a root layout itself: replaces the whole document, so it brings its own frame. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <PageFrame header={<SiteHeader />} banner={null}>
      <title>Something went wrong · Laurel</title>
      <ErrorPage error={error} retry={retry} />
    </PageFrame>
  );
}
