import 'server-only';
import { getDb } from '@/db/client';
import { getConfig } from '@/lib/config';
import { forgetCapturedBodies } from '@/lib/email/mailbox';
import { createResendSender } from '@/lib/email/send-email';
import { registerQueueStats } from '@/lib/observability/metrics';
import type { JobDeps } from './handlers';
import { queueStats } from './stats';
import { startWorkers, type Workers } from './worker';

/** The dependencies jobs get in a server process, from its configuration. */
export async function jobDepsFromConfig(): Promise<JobDeps> {
  const config = getConfig();
  const send =
    config.isDemoMode || !config.resendApiKey
      ? null
      : createResendSender({ apiKey: config.resendApiKey, from: config.emailFrom });
  return { db: await getDb(), config, send };
}

/** Starts every kind of background work in this process (the worker, or a web process with WORKERS=inline). */
export async function startConfiguredWorkers(): Promise<Workers> {
  const deps = await jobDepsFromConfig();
  // With a provider there is no mailbox: bodies captured by an earlier demo run are cleared.
  if (deps.send) await forgetCapturedBodies(deps.db);
  return startWorkers({ deps });
}

/** /metrics in this process shows the queue's depth, age and dead letters (read at each scrape). */
export async function registerQueueMetrics(): Promise<void> {
  const db = await getDb();
  registerQueueStats(() => queueStats(db));
}
