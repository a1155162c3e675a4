import 'server-only';
import type { Db } from '@/db/client';
import { runBulkBatch } from '@/lib/bulk/run';
import type { Config } from '@/lib/config';
import { runDataExport } from '@/lib/data-export/run';
import { deliverEmail } from '@/lib/email/outbox';
import type { EmailSender } from '@/lib/email/send-email';
import type { Poster } from '@/lib/net/safe-post';
import { recordEmailDelivery, recordWebhookDelivery } from '@/lib/observability/metrics';
import { deliverWebhook } from '@/lib/webhooks/deliver';
import type { JobData, JobKind } from './kinds';
import { runMaintenance } from './maintenance';

/** What jobs need from the process running them. */
export type JobDeps = {
  db: Db;
  config: Pick<Config, 'appUrl' | 'claimTokenTtlDays' | 'isDemoMode'>;
  /** null where no provider is configured (demo mode queues no email jobs then). */
  send: EmailSender | null;
  /** Webhook POSTs; the SSRF-safe poster unless a test gives its own. */
  post?: Poster;
  /** Rows per bulk batch (tests use small ones to stop between batches). */
  bulkBatchSize?: number;
  /** Aborted when the worker stops: a long job (an export) gives its work back to the queue. */
  signal?: AbortSignal;
};

export type JobContext = JobDeps & { isLastAttempt: boolean };

/** Counts a delivery's result for /metrics: sent/succeeded, failed, settled (nothing to do) or retry. */
async function counted<T extends string>(
  record: (result: string) => void,
  deliver: () => Promise<T>,
): Promise<T> {
  try {
    const result = await deliver();
    record(result);
    return result;
  } catch (error) {
    record('retry');
    throw error;
  }
}

/**
 * One handler per kind. A handler that returns is done; one that throws is retried by the queue
 * with its kind's backoff. On the last attempt each handler settles its row as failed itself, so
 * the person looking at the console sees why.
 */
export const HANDLERS: { [K in JobKind]: (data: JobData[K], ctx: JobContext) => Promise<unknown> } = {
  email: async ({ outboxId }, ctx) => {
    if (!ctx.send) throw new Error('no email provider is configured in this process');
    const result = await counted(recordEmailDelivery, () =>
      deliverEmail({ db: ctx.db, send: ctx.send as EmailSender, outboxId, isLastAttempt: ctx.isLastAttempt }),
    );
    return result;
  },
  webhook: ({ deliveryId }, ctx) =>
    counted(recordWebhookDelivery, () =>
      deliverWebhook({ db: ctx.db, deliveryId, isLastAttempt: ctx.isLastAttempt, post: ctx.post }),
    ),
  bulk: ({ jobId }, ctx) =>
    runBulkBatch({
      db: ctx.db,
      config: ctx.config,
      jobId,
      isLastAttempt: ctx.isLastAttempt,
      batchSize: ctx.bulkBatchSize,
    }),
  maintenance: (_data, ctx) => runMaintenance(ctx.db),
  export: ({ exportId }, ctx) =>
    runDataExport({
      db: ctx.db,
      config: ctx.config,
      exportId,
      isLastAttempt: ctx.isLastAttempt,
      signal: ctx.signal,
    }),
};
