'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useActionState, useEffect, useId } from 'react';
import { Card } from '@/components/ui/card';
import { FormMessage } from '@/components/ui/form-message';
import { PercentBar } from '@/components/ui/percent-bar';
import { SubmitButton } from '@/components/ui/submit-button';
import { formatBytes } from '@/lib/data-export/format-bytes';
import type { ExportView } from '@/lib/data-export/requests';
import { formatDate } from '@/lib/format';
import { type RequestExportState, requestDataExportAction } from './data-export-actions';

export const dataExportKeys = { latest: ['data-export', 'latest'] as const };

async function fetchLatest(): Promise<ExportView | null> {
  const response = await fetch('/api/account/export', { cache: 'no-store' });
  if (!response.ok) throw new Error('The progress of your file could not be loaded. Reload the page.');
  return ((await response.json()) as { export: ExportView | null }).export;
}

/**
 * Request a zip of everything, watch it being made (polled every second while queued or running),
 * then download it. A failed one says why and offers to try again.
 */
export function DataExportPanel({ initial }: { initial: ExportView | null }) {
  const queryClient = useQueryClient();
  const { data: latest, error } = useQuery({
    queryKey: dataExportKeys.latest,
    queryFn: fetchLatest,
    initialData: initial,
    refetchInterval: (query) => (query.state.data?.isActive ? 1000 : false),
  });
  const [state, action] = useActionState<RequestExportState, FormData>(requestDataExportAction, {
    status: 'idle',
  });
  // The queued export shows at once; polling takes it from there.
  useEffect(() => {
    if (state.status === 'success') queryClient.setQueryData(dataExportKeys.latest, state.export);
  }, [state, queryClient]);

  const canRequest = !latest?.isActive;
  return (
    <Card>
      <div className="flex flex-col gap-4">
        <p className="text-stone-700">
          A zip file with every badge you accepted — each as an image with its credential baked in, its Open
          Badges 2.0 and 3.0 files — the files of badges you added from elsewhere exactly as you added them, a
          list of all of them for spreadsheets, your profile and your account's history. We make it in the
          background and email you when it is ready.
        </p>
        {latest ? <ExportState view={latest} /> : null}
        {error ? <FormMessage tone="error">{error.message}</FormMessage> : null}
        {/* While it runs, the progress line says it all (the request's own message would repeat it). */}
        {canRequest ? (
          <form action={action} className="flex flex-col items-start gap-3">
            {state.status === 'error' ? <FormMessage tone="error">{state.message}</FormMessage> : null}
            <SubmitButton
              pendingLabel="Asking…"
              variant={latest?.status === 'ready' ? 'secondary' : undefined}
            >
              {requestLabel(latest)}
            </SubmitButton>
          </form>
        ) : null}
      </div>
    </Card>
  );
}

function requestLabel(latest: ExportView | null): string {
  if (!latest) return 'Get a copy of your data';
  if (latest.status === 'failed') return 'Try again';
  return latest.status === 'ready' ? 'Make a new file' : 'Get a new copy of your data';
}

function ExportState({ view }: { view: ExportView }) {
  if (view.isActive) return <ExportProgress view={view} />;
  if (view.status === 'ready' && view.sizeBytes !== null && view.expiresAt) {
    return (
      <div className="flex flex-col gap-1">
        <a
          href={`/api/account/export/${view.id}`}
          className="self-start font-semibold text-brand-800 underline underline-offset-2"
        >
          Download your data ({formatBytes(view.sizeBytes)}, zip)
        </a>
        <p className="text-sm text-stone-700">
          Made on {formatDate(view.createdAt)}. You can download it until {formatDate(view.expiresAt)}.
        </p>
      </div>
    );
  }
  if (view.status === 'failed') {
    return <FormMessage tone="error">We could not make your file. {view.lastError ?? ''}</FormMessage>;
  }
  return <p className="text-stone-700">Your last file expired and was deleted. Ask for a new one below.</p>;
}

function ExportProgress({ view }: { view: ExportView }) {
  const labelId = useId();
  const percent =
    view.total === 0 ? (view.status === 'running' ? 50 : 0) : Math.round((view.done / view.total) * 100);
  return (
    <div className="flex min-w-0 flex-col gap-2">
      <p id={labelId} className="font-medium">
        Gathering your data
      </p>
      <PercentBar labelId={labelId} percent={percent} />
      <p role="status" aria-live="polite" className="text-sm text-stone-700">
        {view.status === 'queued'
          ? 'Waiting to start…'
          : `${view.done} of ${view.total} ${view.total === 1 ? 'badge' : 'badges'} written.`}{' '}
        We will email you when it is ready.
      </p>
    </div>
  );
}
