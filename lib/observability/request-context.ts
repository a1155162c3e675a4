import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * The request being handled, for whatever runs on its behalf (log lines, problem+json bodies).
 * The http.Server hook (./http-hook.ts) starts each request inside `runWithRequest`, so the
 * context follows the request through Next's handling into pages, route handlers and actions.
 * The storage lives on globalThis: instrumentation, the proxy and each route are bundled apart,
 * and every copy of this module must read the same one.
 */
export type RequestContext = { requestId: string };

const holder = globalThis as unknown as { laurelRequestContext?: AsyncLocalStorage<RequestContext> };
holder.laurelRequestContext ??= new AsyncLocalStorage<RequestContext>();
const storage = holder.laurelRequestContext;

export const REQUEST_ID_HEADER = 'x-request-id';

/** At most 64 letters, digits, dots, underscores and hyphens: safe in a header, a log and a URL. */
const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The id for a request: the one a load balancer (or client) sent in X-Request-Id when it is a
 * short safe token, so one id follows the request across hops; otherwise a new UUID. Anything
 * else (too long, control characters, several values) is replaced, never cleaned up and kept.
 */
export function requestIdFrom(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : randomUUID();
}

export function runWithRequest<T>(context: RequestContext, run: () => T): T {
  return storage.run(context, run);
}

/** The id of the request this code runs for; undefined outside one (start-up, timers, workers). */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
