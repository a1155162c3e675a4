import { getDb } from '@/db/client';
import { getConfig } from '@/lib/config';
import { forgetCapturedBodies } from './mailbox';
import { deliverDueEmails } from './outbox';
import { createResendSender, type EmailSender } from './send-email';

const POLL_MS = 2_000;
const state = globalThis as unknown as {
  laurelOutbox?: { sender: EmailSender; isRunning: boolean; timer?: NodeJS.Timeout };
};

function worker() {
  const config = getConfig();
  if (config.isDemoMode || !config.resendApiKey) return null;
  state.laurelOutbox ??= {
    sender: createResendSender({ apiKey: config.resendApiKey, from: config.emailFrom }),
    isRunning: false,
  };
  return state.laurelOutbox;
}

/** Delivers what is due now; overlapping calls in one process collapse into one run. */
export async function drainOutbox() {
  const w = worker();
  if (!w || w.isRunning) return;
  w.isRunning = true;
  try {
    const db = await getDb();
    while ((await deliverDueEmails({ db, send: w.sender })).claimed > 0) {}
  } catch (error) {
    console.error('[outbox] delivery run failed:', error);
  } finally {
    w.isRunning = false;
  }
}

/** Nudges delivery right after a commit that queued mail, without making the caller wait. */
export function kickOutbox() {
  void drainOutbox();
}

/** Polls for due mail (retries, and mail queued by other processes). Safe in every process. */
export function startOutboxWorker() {
  const w = worker();
  if (!w || w.timer) return;
  void getDb()
    .then(forgetCapturedBodies)
    .catch((error) => console.error('[outbox] clearing demo mail failed:', error));
  w.timer = setInterval(kickOutbox, POLL_MS);
  w.timer.unref();
}
