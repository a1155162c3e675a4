import 'server-only';
import type PgBoss from 'pg-boss';
import { recordJobOutcome } from '@/lib/observability/metrics';
import { HANDLERS, type JobContext, type JobDeps } from './handlers';
import type { JobData, JobKind } from './kinds';

export type QueuedJob<K extends JobKind> = PgBoss.JobWithMetadata<JobData[K]>;

/**
 * Runs one job through its kind's handler. Throwing hands it back to the queue: retried with
 * backoff, or failed (dead-lettered) when it was the last attempt.
 */
export async function runJob<K extends JobKind>(kind: K, job: QueuedJob<K>, deps: JobDeps): Promise<void> {
  const isLastAttempt = job.retryCount >= job.retryLimit;
  const ctx: JobContext = { ...deps, isLastAttempt };
  try {
    await HANDLERS[kind](job.data, ctx);
    recordJobOutcome(kind, 'completed');
  } catch (error) {
    recordJobOutcome(kind, isLastAttempt ? 'failed' : 'retried');
    throw error;
  }
}
