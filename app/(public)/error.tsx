'use client';

import { ErrorPage } from '@/components/layout/error-page';

/** An unexpected failure in a public page (badge, verify, skills): the header stays, with a way on. */
export default function PublicError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPage error={error} retry={retry} />;
}
