import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { normalizeHost } from './address-policy';
import { fetchFailure, resolveTarget, type VettedTarget } from './resolve-target';
import { FetchError, unreachableError } from './types';

export type PostRequest = { body: string; headers: Record<string, string>; timeoutMs: number };

/**
 * POSTs a body to a URL and answers with the response status; rejects with a FetchError carrying
 * a message fit for people (refused address, connection failure, timeout).
 */
export type Poster = (url: string, request: PostRequest) => Promise<{ status: number }>;

/** `OUTBOUND_ALLOW_HOSTS`, parsed: hosts that may be reached although private (tests, local e2e). */
export function outboundAllowHosts(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.OUTBOUND_ALLOW_HOSTS ?? '')
    .split(',')
    .map((host) => host.trim())
    .filter((host) => host !== '');
}

// Same as safe-fetch.ts: the connection goes to the vetted address, so DNS cannot rebind it.
function pinnedLookup(target: VettedTarget): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
}

function connectionFailure(url: string, error: unknown): FetchError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'ECONNREFUSED') return unreachableError(`${url} could not be reached (connection refused)`);
  if (code === 'ECONNRESET') return unreachableError(`${url} closed the connection without answering`);
  if (code.startsWith('ERR_TLS') || code.includes('CERT') || code.startsWith('UNABLE_TO')) {
    return fetchFailure(url, 'its HTTPS certificate is not valid', { unreachable: true });
  }
  return unreachableError(`${url} could not be reached (the connection failed)`);
}

function postOnce(target: VettedTarget, request: PostRequest, signal: AbortSignal, url: string) {
  const transport = target.url.protocol === 'https:' ? https : http;
  const body = Buffer.from(request.body);
  return new Promise<IncomingMessage>((resolve, reject) => {
    const outgoing = transport.request(
      {
        method: 'POST',
        protocol: target.url.protocol,
        hostname: target.hostname,
        port: target.url.port || undefined,
        path: `${target.url.pathname}${target.url.search}`,
        headers: { ...request.headers, 'Content-Length': String(body.length), Host: target.url.host },
        lookup: pinnedLookup(target),
        // A fresh socket per request: a pooled one could belong to another, unvetted address.
        agent: false,
        signal,
      },
      resolve,
    );
    outgoing.on('error', (error) => reject(connectionFailure(url, error)));
    outgoing.end(body);
  });
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  const aborted = new Promise<never>((_, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  return Promise.race([promise, aborted]);
}

/**
 * A Poster with the fetcher's address rules: http(s) only, no private or local addresses unless
 * allowed, the vetted address pinned for the connection. Redirects are not followed (a webhook
 * receiver answers where it is registered), and the response body is not read.
 */
export function createSafePoster(options: { allowHosts?: string[]; userAgent?: string } = {}): Poster {
  const allowHosts = new Set((options.allowHosts ?? []).map(normalizeHost));
  const userAgent = options.userAgent ?? 'Laurel-Webhooks/1.0';
  return async (url, request) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), request.timeoutMs);
    try {
      const response = await untilAborted(
        (async () => {
          const target = await resolveTarget(url, allowHosts);
          controller.signal.throwIfAborted();
          const headers = { 'User-Agent': userAgent, ...request.headers };
          return postOnce(target, { ...request, headers }, controller.signal, url);
        })(),
        controller.signal,
      );
      response.destroy();
      return { status: response.statusCode ?? 0 };
    } catch (error) {
      if (controller.signal.aborted) {
        throw unreachableError(`${url} did not answer within ${request.timeoutMs / 1000} seconds`);
      }
      if (error instanceof FetchError) throw error;
      throw fetchFailure(url, 'something went wrong while sending to it');
    } finally {
      clearTimeout(timer);
    }
  };
}

/** The Poster the app uses, allowing only the hosts in `OUTBOUND_ALLOW_HOSTS`. */
export function safePosterFromEnv(): Poster {
  return createSafePoster({ allowHosts: outboundAllowHosts() });
}
