'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useActionState, useEffect, useId } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { PercentBar } from '@/components/ui/percent-bar';
import { SubmitButton } from '@/components/ui/submit-button';
import { type FormState, idle } from '@/lib/actions/form-state';
import { retryBulkJobAction } from './actions';

type Progress = {
  status: 'validated' | 'running' | 'done' | 'failed';
  /** Done or failed: the job will not change until someone retries it. */
  isFinished: boolean;
  lastError: string | null;
  fileName: string;
  total: number;
  processed: number;
  failed: number;
  skipped: number;
  awarded: number;
  failures: { rowNumber: number; email: string; error: string }[];
};

export const bulkKeys = { job: (jobId: string) => ['bulk-jobs', jobId] as const };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Polls the job until it is finished. The bar is named and shows its percentage; the line under it
 * is announced politely; a finished job links to the awards it made.
 */
export function BulkProgress({ slug, jobId }: { slug: string; jobId: string }) {
  const queryClient = useQueryClient();
  const labelId = useId();
  const { data, error } = useQuery({
    queryKey: bulkKeys.job(jobId),
    queryFn: async (): Promise<Progress> => {
      const response = await fetch(`/issuer/${slug}/bulk/${jobId}/progress`, { cache: 'no-store' });
      if (!response.ok) throw new Error('Progress is not available.');
      return response.json();
    },
    refetchInterval: (query) => (query.state.data?.isFinished ? false : 1000),
  });
  const [retried, retry] = useActionState<FormState, FormData>(retryBulkJobAction, idle);
  // A retried job runs again: fetch it, and polling resumes until it finishes.
  useEffect(() => {
    if (retried.status === 'success') void queryClient.invalidateQueries({ queryKey: bulkKeys.job(jobId) });
  }, [retried, queryClient, jobId]);
  if (error) return <p role="status">{error.message}</p>;
  if (!data) return <p role="status">Starting…</p>;
  const percent = data.total === 0 ? 100 : Math.round((data.processed / data.total) * 100);
  return (
    <div className="flex min-w-0 flex-col gap-2">
      <p id={labelId} className="font-medium [overflow-wrap:anywhere]">
        {data.status === 'done' ? 'Finished awarding' : `Awarding ${plural(data.total, 'badge', 'badges')}`}{' '}
        from {data.fileName}
      </p>
      <PercentBar labelId={labelId} percent={percent} />
      <p role="status" aria-live="polite" data-testid="bulk-status">
        {data.status === 'failed' ? `Failed: ${data.lastError ?? 'unknown error'}. ` : null}
        {data.status === 'done' ? `Done: ${percent}%. ` : data.status === 'failed' ? '' : `${percent}% — `}
        {data.processed} of {data.total} processed{data.failed ? `, ${data.failed} failed` : ''}
        {data.skipped ? `, ${data.skipped} already had this badge` : ''}.
      </p>
      {data.isFinished && data.awarded > 0 ? (
        <Link href={`/issuer/${slug}/awards?job=${jobId}`} className="self-start font-medium underline">
          See the {plural(data.awarded, 'award', 'awards')} this file made
        </Link>
      ) : null}
      {data.status === 'failed' ? (
        <form action={retry} className="flex flex-col gap-2">
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="jobId" value={jobId} />
          <FormMessage tone="error">{retried.status === 'error' ? retried.message : null}</FormMessage>
          <div>
            <SubmitButton pendingLabel="Retrying…">Retry the unfinished rows</SubmitButton>
          </div>
        </form>
      ) : null}
      {data.failures.length > 0 ? (
        <ul className="list-disc pl-5 text-sm text-red-800">
          {data.failures.map((f) => (
            <li key={f.rowNumber}>
              Row {f.rowNumber} ({f.email}): {f.error}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
