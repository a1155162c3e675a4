import 'server-only';
import { getDb } from '@/db/client';
import { getConfig } from '@/lib/config';
import { kickOutbox } from '@/lib/email/worker';
import { runBulkJobs } from './run';

const POLL_MS = 1_000;
const state = globalThis as unknown as { laurelBulk?: { isRunning: boolean; timer?: NodeJS.Timeout } };

function worker() {
  state.laurelBulk ??= { isRunning: false };
  return state.laurelBulk;
}

/** Works through running jobs until none is left; overlapping calls in one process collapse. */
export async function drainBulkJobs() {
  const w = worker();
  if (w.isRunning) return;
  w.isRunning = true;
  try {
    const db = await getDb();
    const config = getConfig();
    for (;;) {
      const { jobId, processed } = await runBulkJobs({ db, config });
      if (!jobId) break;
      // The batch queued claim emails: send them now rather than at the next outbox poll.
      if (processed > 0) kickOutbox();
    }
  } catch (error) {
    console.error('[bulk] award run failed:', error);
  } finally {
    w.isRunning = false;
  }
}

/** Nudges the worker right after a job is confirmed, without making the caller wait. */
export function kickBulkJobs() {
  void drainBulkJobs();
}

/** Polls for running jobs, including ones a stopped process left half done. Safe in every process. */
export function startBulkWorker() {
  const w = worker();
  if (w.timer) return;
  w.timer = setInterval(kickBulkJobs, POLL_MS);
  w.timer.unref();
}
