import 'server-only';
import { getDb } from '@/db/client';
import { deliverDueWebhooks } from './deliver';

const POLL_MS = 2_000;
const state = globalThis as unknown as { laurelWebhooks?: { isRunning: boolean; timer?: NodeJS.Timeout } };

function worker() {
  state.laurelWebhooks ??= { isRunning: false };
  return state.laurelWebhooks;
}

/** Delivers what is due now; overlapping calls in one process collapse into one run. */
export async function drainWebhooks() {
  const w = worker();
  if (w.isRunning) return;
  w.isRunning = true;
  try {
    const db = await getDb();
    while ((await deliverDueWebhooks({ db })).claimed > 0) {}
  } catch (error) {
    console.error('[webhooks] delivery run failed:', error);
  } finally {
    w.isRunning = false;
  }
}

/** Nudges delivery right after a commit that queued webhook events, without making the caller wait. */
export function kickWebhooks() {
  void drainWebhooks();
}

/** Polls for due deliveries (retries, and events queued by other processes). Safe in every process. */
export function startWebhookWorker() {
  const w = worker();
  if (w.timer) return;
  w.timer = setInterval(kickWebhooks, POLL_MS);
  w.timer.unref();
}
