/**
 * `npm run worker`: runs background work (email, webhooks, bulk awards, hourly upkeep) in its own
 * process, beside web instances that run none (WORKERS=off). Start as many as you like; they
 * share the work through the job queue. With WORKER_METRICS_PORT it serves GET /metrics there
 * (METRICS_TOKEN as on the web). SIGTERM or SIGINT: stop taking jobs, let running ones finish (up
 * to SHUTDOWN_TIMEOUT_SECONDS; unfinished ones go back to the queue), close the database, exit 0.
 */
import { closeDb } from '@/db/client';
import { log } from '@/lib/log';
import { serveMetrics } from '@/lib/observability/metrics-server';
import { registerQueueMetrics, startConfiguredWorkers } from '@/lib/queue/start';
import { closeRedis } from '@/lib/redis/client';
import { configOrExit } from './launch/foreground';

const config = configOrExit();
// pg-boss settles each batch without awaiting it (its manager's onFetch): while the database is
// unreachable that rejection is unhandled, and Node would end the worker. Log it and go on; the
// jobs concerned come back to a worker when their lease ends. (Next does the same for the web.)
process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));
const metricsPort = process.env.WORKER_METRICS_PORT?.trim();
if (metricsPort && !/^\d{1,5}$/.test(metricsPort)) {
  log.fatal('WORKER_METRICS_PORT: must be a port number');
  process.exit(1);
}

const workers = await startConfiguredWorkers();
await registerQueueMetrics();
const metrics = metricsPort
  ? serveMetrics({
      port: Number(metricsPort),
      host: process.env.HOST?.trim() || undefined,
      token: config.metricsToken,
    })
  : null;
// Tests wait for these words.
log.info(
  { mode: config.mode, metricsPort: metricsPort || null },
  'worker taking email, webhook, bulk and maintenance jobs',
);

/**
 * Past the jobs' own time to finish, pg-boss's close and the pools' (PostgreSQL waits up to 5 s for
 * queries in flight) may take this long before the process just ends.
 */
const CLOSE_BUDGET_MS = 15_000;

let isStopping = false;
async function shutDown(signal: string) {
  if (isStopping) return;
  isStopping = true;
  log.info({ signal }, 'worker stopping: finishing running jobs');
  // Whatever hangs below (a pool that cannot reach its server), the process still ends.
  setTimeout(
    () => {
      log.error('worker stop: still not done, exiting');
      process.exit(1);
    },
    config.shutdownTimeoutSeconds * 1000 + CLOSE_BUDGET_MS,
  ).unref();
  try {
    metrics?.close();
    await workers.stop(config.shutdownTimeoutSeconds * 1000);
    await Promise.allSettled([closeDb(), closeRedis()]);
    process.exit(0);
  } catch (error) {
    log.error({ err: error }, 'worker stop failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutDown('SIGTERM'));
process.on('SIGINT', () => void shutDown('SIGINT'));
