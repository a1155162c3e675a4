import type { Instrumentation } from 'next';

/** Runs once when a server process starts: validate configuration, migrate, start background work if inline. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // `next build` may load this too; the configuration belongs to the server that runs the build.
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { log } = await import('@/lib/log');
  const { getConfig, ConfigError } = await import('@/lib/config');
  let config: ReturnType<typeof getConfig>;
  try {
    config = getConfig();
  } catch (error) {
    // `npm start` refuses before listening (scripts/start.ts); this covers `next start` run
    // directly, which is already listening: stop rather than answer every request with a 500.
    if (error instanceof ConfigError) {
      log.fatal({ problems: error.problems }, 'invalid configuration');
      process.exit(1);
    }
    throw error;
  }
  // Before anything else registers for signals: this replaces Next's SIGTERM/SIGINT handling
  // with a bounded drain that also closes the database and Redis (lib/observability/shutdown.ts).
  if (process.env.NODE_ENV === 'production') {
    const { installGracefulShutdown } = await import('@/lib/observability/shutdown');
    const { closeDb } = await import('@/db/client');
    const { closeRedis } = await import('@/lib/redis/client');
    const { closePageCache } = await import('@/lib/redis/page-cache');
    installGracefulShutdown({
      timeoutMs: config.shutdownTimeoutSeconds * 1000,
      delayMs: config.shutdownDelaySeconds * 1000,
      closeResources: async () => {
        await Promise.allSettled([closeDb(), closeRedis(), closePageCache()]);
      },
    });
  }
  // Rate limits need the client's real address, which Next does not pass to actions.
  (await import('@/lib/auth/socket-address')).installSocketAddressHeader();
  // Request ids, one log line and a metrics count per request, in-flight tracking for shutdown.
  const { installRequestHook } = await import('@/lib/observability/http-hook');
  const { loadRoutePatterns } = await import('@/lib/observability/route-pattern');
  installRequestHook(loadRoutePatterns());
  const { getDb, getDbKind } = await import('@/db/client');
  await getDb();
  log.info(
    { mode: config.mode, database: await getDbKind(), appUrl: config.appUrl },
    `${config.mode} mode, database ready`,
  );
  if (config.isDemoMode) {
    log.warn(
      'demo mode without RESEND_API_KEY, so emails are not sent. ' +
        'They are kept at /dev/mailbox, which anyone who can reach this server can read. Never run a public server like this.',
    );
  }
  // Background work (email, webhooks, bulk awards): in this process only with WORKERS=inline
  // (the one-process default of demo mode); otherwise `npm run worker` runs it.
  const queue = await import('@/lib/queue/start');
  await queue.registerQueueMetrics();
  if (config.workers === 'inline') {
    const workers = await queue.startConfiguredWorkers();
    // Running jobs finish (or go back to the queue) before the database closes: within the hook's
    // budget, or the pool would close under them and pg-boss could not give them back.
    const { HOOK_BUDGET_MS, onShutdown } = await import('@/lib/observability/shutdown');
    onShutdown('background workers', () => workers.stop(HOOK_BUDGET_MS - 1_000));
  }
}

/**
 * A page, route handler, action or the proxy threw: one JSON line with the route pattern, the
 * error's digest (what the error page shows the visitor) and the request id. Next still prints
 * its own report beside it.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { log } = await import('@/lib/log');
  const digest = (error as { digest?: unknown }).digest;
  log.error(
    {
      err: error,
      ...(typeof digest === 'string' ? { digest } : {}),
      method: request.method,
      route: context.routePath,
      routeType: context.routeType,
      ...(typeof request.headers['x-request-id'] === 'string'
        ? { requestId: request.headers['x-request-id'] }
        : {}),
    },
    'request failed',
  );
};
