/**
 * The kinds of background work and how each is retried. One model for all of them (pg-boss
 * queues): a job is a row written in the transaction of the change that causes it; a worker
 * leases it for `expireInSeconds` (a worker that dies leaves it to be taken again after that), a
 * failure is retried `retryLimit` times with jittered exponential backoff from `retryDelay`
 * seconds, and a job that runs out of retries stays `failed`: the dead-letter state the console
 * shows, with the domain row (outbox message, webhook delivery, bulk upload) marked failed too.
 *
 * Per process, `concurrency` loops take up to `batchSize` jobs each and run them one after
 * another: at most concurrency × 1 jobs of a kind run at once in a worker. A batch's jobs must fit
 * in `expireInSeconds` together (an email makes at most two requests of SEND_TIMEOUT_MS, 10 s, so
 * a batch of 5 at most 100 s; a webhook POST is bounded by 10 s; a bulk batch of 500 rows takes
 * well under a second). An email job that outlives its lease anyway changes nothing when it ends:
 * it writes its outcome only while it still holds its outbox row.
 */
export const JOB_KINDS = {
  /** One outbox message: data { outboxId }, job id = outbox id. 10 attempts over roughly 3 hours. */
  email: { retryLimit: 9, retryDelay: 10, expireInSeconds: 120, concurrency: 4, batchSize: 5 },
  /** One webhook delivery: data { deliveryId }, job id = delivery id. Retried for about a day. */
  webhook: { retryLimit: 12, retryDelay: 30, expireInSeconds: 30, concurrency: 8, batchSize: 1 },
  /** One batch of a bulk upload: data { jobId }; the batch queues the next one until done. */
  bulk: { retryLimit: 4, retryDelay: 10, expireInSeconds: 60, concurrency: 1, batchSize: 1 },
  /**
   * Hourly upkeep: prunes finished rows past their retention, and settles or re-queues work whose
   * job is gone (rows from before the queue; a worker that died on a job's last attempt).
   */
  maintenance: { retryLimit: 2, retryDelay: 60, expireInSeconds: 600, concurrency: 1, batchSize: 1 },
  /** One "Download your data" zip: data { exportId }; an attempt starts the zip over. */
  export: { retryLimit: 2, retryDelay: 30, expireInSeconds: 900, concurrency: 1, batchSize: 1 },
} as const;

export type JobKind = keyof typeof JOB_KINDS;
export const JOB_KIND_NAMES = Object.keys(JOB_KINDS) as JobKind[];

export type JobData = {
  email: { outboxId: string };
  webhook: { deliveryId: string };
  bulk: { jobId: string };
  maintenance: Record<string, never>;
  export: { exportId: string };
};

/** The NOTIFY channel that wakes workers right after a commit that queued work. */
export const NUDGE_CHANNEL = 'laurel_jobs';
/** pg-boss's own tables live in this schema, beside the app's. */
export const QUEUE_SCHEMA = 'pgboss';

/**
 * How long a worker holds a job before the queue gives it to another: the kind's own, or
 * QUEUE_LEASE_SECONDS for all but the hourly upkeep (fault tests use a short one so a killed
 * worker's jobs come back in seconds; validated in lib/config).
 */
export function leaseSeconds(kind: JobKind): number {
  const override = Number(process.env.QUEUE_LEASE_SECONDS);
  return kind !== 'maintenance' && Number.isInteger(override) && override > 0
    ? override
    : JOB_KINDS[kind].expireInSeconds;
}
