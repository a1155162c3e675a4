'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useRef } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { type FormState, idle } from '@/lib/actions/form-state';
import type { FailedUpload } from '@/lib/queue/dead-letter';
import { retryBulkJobAction } from '../bulk/actions';
import { CARD, Fact, Facts } from './facts';
import { formatWhen } from './when';

/** CSV uploads that gave up, each with the upload page's own Retry. */
export function FailedUploads({ slug, uploads }: { slug: string; uploads: FailedUpload[] }) {
  return (
    <ul className="flex flex-col gap-3">
      {uploads.map((u) => (
        <li key={u.id} className={CARD} data-testid="failed-upload">
          <p className="font-semibold break-words [overflow-wrap:anywhere]">{u.fileName}</p>
          <Facts>
            <Fact term="Why">{u.lastError ?? 'Unknown'}</Fact>
            <Fact term="Rows done">
              {u.processed} of {u.total}
            </Fact>
            <Fact term="Uploaded">{formatWhen(u.createdAt)}</Fact>
          </Facts>
          <RetryUpload slug={slug} jobId={u.id} fileName={u.fileName} />
        </li>
      ))}
    </ul>
  );
}

function RetryUpload({ slug, jobId, fileName }: { slug: string; jobId: string; fileName: string }) {
  const [state, action] = useActionState<FormState, FormData>(retryBulkJobAction, idle);
  const router = useRouter();
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== 'success') return;
    outcome.current?.focus();
    // The upload action does not refresh this page: the tab's count should drop now.
    router.refresh();
  }, [state, router]);
  if (state.status === 'success') {
    return (
      <div ref={outcome} tabIndex={-1} role="status" className="flex flex-col gap-1 focus:outline-none">
        <p className="font-medium text-brand-800">{state.message}</p>
        <Link href={`/issuer/${slug}/bulk`} className="self-start underline">
          Follow its progress on Award from CSV
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="flex flex-col items-start gap-2">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="jobId" value={jobId} />
      <FormMessage tone="error">{state.status === 'error' ? state.message : null}</FormMessage>
      <SubmitButton variant="secondary" pendingLabel="Retrying…">
        Retry the unfinished rows<span className="sr-only"> of {fileName}</span>
      </SubmitButton>
    </form>
  );
}
