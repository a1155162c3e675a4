import http from 'node:http';
import { log } from '@/lib/log';
import { recordHttpRequest } from './metrics';
import { REQUEST_ID_HEADER, requestIdFrom, runWithRequest } from './request-context';
import { pathnameOf, type RoutePatterns } from './route-pattern';
import { trackResponse, trackServer } from './shutdown';

const installed = globalThis as unknown as { laurelRequestHook?: boolean };

/** Probes a load balancer or scraper makes every few seconds: logged at debug, not info. */
const PROBES = new Set(['/api/health', '/api/ready', '/metrics']);

/**
 * Hooks every request of the `next start` process before Next sees it (the same way as
 * lib/auth/socket-address.ts):
 * - gives it a request id (./request-context.ts), written over any incoming X-Request-Id header so
 *   server code reading `headers()` sees the same one, and sets X-Request-Id on the response
 *   (pages, route handlers, images, static files, 404s and errors alike);
 * - runs Next's handling inside that request's context, so every log line carries the id;
 * - when the answer is done, logs one line (method, route pattern, status, time; never the raw
 *   path or query, which can hold a claim or reset token) and counts it for /metrics;
 * - tells the graceful shutdown about servers and requests in flight.
 */
export function installRequestHook(patterns: RoutePatterns) {
  if (installed.laurelRequestHook) return;
  installed.laurelRequestHook = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'connection') trackServer(this);
    if (event !== 'request') return Reflect.apply(emit, this, [event, ...args]) as boolean;
    const request = args[0] as http.IncomingMessage;
    const response = args[1] as http.ServerResponse;
    const requestId = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
    request.headers[REQUEST_ID_HEADER] = requestId;
    response.setHeader('X-Request-Id', requestId);
    trackServer(this);
    trackResponse(response);
    const started = performance.now();
    response.once('close', () => {
      const route = patterns(pathnameOf(request.url));
      const seconds = (performance.now() - started) / 1000;
      // 499, as nginx logs it: the connection closed before any answer was sent.
      const status = response.headersSent ? response.statusCode : 499;
      recordHttpRequest({ method: request.method, route, status, seconds });
      const line = {
        requestId,
        method: request.method,
        route,
        status,
        ms: Math.round(seconds * 10_000) / 10,
        ...(response.writableFinished ? {} : { aborted: true }),
      };
      if (PROBES.has(route)) log.debug(line, 'request');
      else if (status >= 500) log.warn(line, 'request');
      else log.info(line, 'request');
    });
    return runWithRequest({ requestId }, () => Reflect.apply(emit, this, [event, ...args]) as boolean);
  } as typeof emit;
}
