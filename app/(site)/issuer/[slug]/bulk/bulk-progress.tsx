'use client';

import { useQuery } from '@tanstack/react-query';

type Progress = {
  status: string;
  total: number;
  processed: number;
  failed: number;
  skipped: number;
  failures: { rowNumber: number; email: string; error: string }[];
};

export const bulkKeys = { job: (jobId: string) => ['bulk-jobs', jobId] as const };

/** Polls the job until it is done; the bar and its numbers are announced politely. */
export function BulkProgress({ slug, jobId }: { slug: string; jobId: string }) {
  const { data, error } = useQuery({
    queryKey: bulkKeys.job(jobId),
    queryFn: async (): Promise<Progress> => {
      const response = await fetch(`/issuer/${slug}/bulk/${jobId}/progress`, { cache: 'no-store' });
      if (!response.ok) throw new Error('Progress is not available.');
      return response.json();
    },
    refetchInterval: (query) =>
      query.state.data?.status === 'done' || query.state.data?.status === 'failed' ? false : 1000,
  });
  if (error) return <p role="status">{error.message}</p>;
  if (!data) return <p role="status">Starting…</p>;
  const percent = data.total === 0 ? 100 : Math.round((data.processed / data.total) * 100);
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor="bulk-progress" className="font-medium">
        Awarding {data.total} badges
      </label>
      <progress
        id="bulk-progress"
        max={100}
        value={percent}
        className="h-4 w-full"
        aria-valuetext={`${percent}%`}
      />
      <p role="status" aria-live="polite" data-testid="bulk-status">
        {data.status === 'done' ? `Done: ${percent}%. ` : `${percent}% — `}
        {data.processed} of {data.total} processed{data.failed ? `, ${data.failed} failed` : ''}
        {data.skipped ? `, ${data.skipped} already had this badge` : ''}.
      </p>
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
