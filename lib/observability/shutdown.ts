import type { Server, ServerResponse } from 'node:http';
import { log } from '@/lib/log';

/**
 * Graceful stop of a `next start` process. Next's own SIGTERM/SIGINT handler
 * (next/dist/server/lib/start-server.js) closes the listening socket and waits, without a bound,
 * for every connection to end — an idle keep-alive connection included, until its timeout — then
 * exits 143/130 without closing our database pool. This replaces it (unless NEXT_MANUAL_SIG_HANDLE
 * is set, when Next registers none and we add ours all the same):
 *
 * 1. /api/ready answers 503 from now on, so a load balancer stops choosing this instance. For
 *    `delayMs` (SHUTDOWN_DELAY_SECONDS, default 0) new connections are still accepted and served,
 *    each answer saying `Connection: close`, while the load balancer notices.
 * 2. Every listening server stops accepting connections. Requests in flight go on; their answers
 *    say `Connection: close`, and idle keep-alive connections are closed as they become idle.
 * 3. After `timeoutMs` (SHUTDOWN_TIMEOUT_SECONDS, default 25) whatever is still open is cut off,
 *    with a warning in the log.
 * 4. `onShutdown` hooks run (background workers stop), then the database pool and Redis close.
 * 5. exit 0. A second signal while stopping is ignored (a terminal's Ctrl+C reaches both
 *    `npm start` and this process, and `npm start` passes it on too).
 *
 * Servers and requests are seen through the http.Server hook (./http-hook.ts). Next's `after()`
 * callbacks are not awaited (Laurel has none).
 */
type Hook = { name: string; run: () => Promise<void> | void };
type State = {
  servers: Set<Server>;
  inFlight: Set<ServerResponse>;
  hooks: Hook[];
  isShuttingDown: boolean;
  isInstalled: boolean;
};

const holder = globalThis as unknown as { laurelShutdown?: State };
holder.laurelShutdown ??= {
  servers: new Set(),
  inFlight: new Set(),
  hooks: [],
  isShuttingDown: false,
  isInstalled: false,
};
const state = holder.laurelShutdown;

/** Each onShutdown hook's time, then the closing of pools: a hook should finish well within it. */
export const HOOK_BUDGET_MS = 5_000;
const IDLE_SWEEP_MS = 100;

export function isShuttingDown(): boolean {
  return state.isShuttingDown;
}

/** Runs `run` once the servers have drained, before the database closes (e.g. stop a worker). */
export function onShutdown(name: string, run: Hook['run']) {
  state.hooks.push({ name, run });
}

/** Called by the http hook for each server connection and request. */
export function trackServer(server: Server) {
  state.servers.add(server);
}

export function trackResponse(response: ServerResponse) {
  // A request that arrives on an open keep-alive connection while stopping is still answered,
  // and the connection then closes.
  if (state.isShuttingDown) response.shouldKeepAlive = false;
  state.inFlight.add(response);
  response.once('close', () => state.inFlight.delete(response));
}

const withBudget = (work: Promise<unknown>, ms: number) =>
  Promise.race([work, new Promise((resolve) => setTimeout(resolve, ms).unref())]);

/** Stops accepting, waits for requests in flight up to `timeoutMs`; true when they all finished. */
async function drain(timeoutMs: number): Promise<boolean> {
  for (const response of state.inFlight) if (!response.headersSent) response.shouldKeepAlive = false;
  const closed = [...state.servers].map(
    (server) => new Promise<void>((resolve) => server.close(() => resolve())),
  );
  const sweep = setInterval(() => {
    for (const server of state.servers) server.closeIdleConnections();
  }, IDLE_SWEEP_MS);
  let timer: NodeJS.Timeout | undefined;
  const isDrained = await Promise.race([
    Promise.all(closed).then(() => true),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    }),
  ]);
  clearInterval(sweep);
  clearTimeout(timer);
  if (!isDrained) {
    log.warn({ inFlight: state.inFlight.size, timeoutMs }, 'shutdown: cutting off requests still in flight');
    for (const server of state.servers) server.closeAllConnections();
  }
  return isDrained;
}

type Options = { timeoutMs: number; delayMs: number; closeResources: () => Promise<void> };

export async function shutDown({ signal, timeoutMs, delayMs, closeResources }: Options & { signal: string }) {
  if (state.isShuttingDown) return;
  state.isShuttingDown = true;
  const started = Date.now();
  // If anything below hangs, the process still ends.
  const deadline = delayMs + timeoutMs + 2 * HOOK_BUDGET_MS + 1_000;
  setTimeout(() => {
    log.error('shutdown: still not done, exiting');
    process.exit(1);
  }, deadline).unref();
  if (delayMs > 0) {
    log.info({ signal, delayMs }, 'shutdown: not ready any more, still accepting for a while');
    for (const response of state.inFlight) if (!response.headersSent) response.shouldKeepAlive = false;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
  log.info({ signal, inFlight: state.inFlight.size, timeoutMs }, 'shutdown: refusing new connections');
  const isDrained = await drain(timeoutMs);
  for (const hook of state.hooks) {
    await withBudget(
      Promise.resolve()
        .then(hook.run)
        .catch((error: unknown) => log.error({ err: error, hook: hook.name }, 'shutdown: hook failed')),
      HOOK_BUDGET_MS,
    );
  }
  const closing = closeResources().catch((error: unknown) =>
    log.error({ err: error }, 'shutdown: closing resources failed'),
  );
  await withBudget(closing, HOOK_BUDGET_MS);
  log.info({ ms: Date.now() - started, isDrained }, 'shutdown: done');
  process.exit(0);
}

/**
 * Takes over SIGTERM and SIGINT: removes the handlers already registered (Next's, see above) and
 * installs `shutDown`. Call once, from instrumentation, in the `next start` process, before
 * anything else listens for those signals (others use `onShutdown`).
 */
export function installGracefulShutdown(options: Options) {
  if (state.isInstalled) return;
  state.isInstalled = true;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    for (const listener of process.listeners(signal)) process.off(signal, listener);
    process.on(signal, () => void shutDown({ signal, ...options }));
  }
}
