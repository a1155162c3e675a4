'use client';

import { ErrorPage } from '@/components/layout/error-page';

/** An unexpected failure in a signed-in or session-aware page: the header stays, with a way on. */
export default function SiteError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPage error={error} retry={retry} />;
}
