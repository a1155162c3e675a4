import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { normalizeHost } from './address-policy';
import { readBody } from './read-body';
import { fetchFailure, resolveTarget, type VettedTarget } from './resolve-target';
import { FetchError, type FetchedResource, type Fetcher, type FetchOptions, unreachableError } from './types';

export type SafeFetcherOptions = {
  /** Hosts (names or IPs, matched exactly) that may be fetched even though they are private. */
  allowHosts?: string[];
  /**
   * Exact origins (scheme, host and port) that may be fetched even though they are private: our
   * own APP_URL. Narrower than allowHosts, and judged again on every redirect hop.
   */
  allowOrigins?: string[];
  /** Budget for the whole fetch: every redirect, connection and the body. */
  timeoutMs?: number;
  maxRedirects?: number;
  userAgent?: string;
};

type Settings = {
  allowHosts: ReadonlySet<string>;
  allowOrigins: ReadonlySet<string>;
  maxRedirects: number;
  headers: Record<string, string>;
};

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Hands the connection the address that was vetted, so a second DNS answer cannot rebind it. */
function pinnedLookup(target: VettedTarget): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
}

function connectionFailure(label: string, error: unknown): FetchError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'ECONNREFUSED') return unreachableError(`${label} could not be reached (connection refused)`);
  if (code.startsWith('ERR_TLS') || code.includes('CERT') || code.startsWith('UNABLE_TO')) {
    return fetchFailure(label, 'its HTTPS certificate is not valid', { unreachable: true });
  }
  return unreachableError(`${label} could not be reached (the connection failed)`);
}

type Hop = { target: VettedTarget; headers: Record<string, string>; signal: AbortSignal; label: string };

function requestOnce({ target, headers, signal, label }: Hop) {
  const transport = target.url.protocol === 'https:' ? https : http;
  return new Promise<IncomingMessage>((resolve, reject) => {
    const request = transport.request(
      {
        protocol: target.url.protocol,
        hostname: target.hostname,
        port: target.url.port || undefined,
        path: `${target.url.pathname}${target.url.search}`,
        headers: { ...headers, Host: target.url.host },
        lookup: pinnedLookup(target),
        // A fresh socket per request: a pooled one could belong to another, unvetted address.
        agent: false,
        signal,
      },
      resolve,
    );
    request.on('error', (error) => reject(connectionFailure(label, error)));
    request.end();
  });
}

async function fetchFollowing(url: string, options: FetchOptions, settings: Settings, signal: AbortSignal) {
  let current = url;
  for (let hops = 0; ; hops++) {
    const label = hops === 0 ? url : `${current} (redirected from ${url})`;
    const target = await resolveTarget(current, settings.allowHosts, label, settings.allowOrigins);
    signal.throwIfAborted();
    const headers = { ...settings.headers, Accept: options.accept };
    const response = await requestOnce({ target, headers, signal, label });
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (REDIRECT_STATUSES.has(status) && location) {
      response.destroy();
      if (hops >= settings.maxRedirects) {
        throw fetchFailure(url, `it redirected more than ${settings.maxRedirects} times`);
      }
      const next = URL.parse(location, target.url);
      if (!next) throw fetchFailure(label, 'it redirected to an invalid address');
      current = next.href;
      continue;
    }
    const body = await readBody(label, response, options.maxBytes);
    const contentType = response.headers['content-type'] ?? '';
    const cacheControl = response.headers['cache-control'];
    const finalUrl = target.url.href;
    const resource: FetchedResource = {
      url,
      finalUrl,
      redirected: hops > 0,
      status,
      contentType,
      ...(cacheControl === undefined ? {} : { cacheControl }),
      body,
    };
    return resource;
  }
}

/** Settles with `promise`, or rejects as soon as `signal` aborts (DNS lookups cannot be cancelled). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  const aborted = new Promise<never>((_, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  return Promise.race([promise, aborted]);
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

/**
 * A Fetcher for URLs anyone can paste: http(s) only, no private or local addresses (checked on
 * every redirect and pinned for the connection), a time budget, a size limit and plain errors.
 */
export function createSafeFetcher(options: SafeFetcherOptions = {}): Fetcher {
  const timeoutMs = options.timeoutMs ?? 5000;
  const settings: Settings = {
    allowHosts: new Set((options.allowHosts ?? []).map(normalizeHost)),
    allowOrigins: new Set((options.allowOrigins ?? []).map((origin) => new URL(origin).origin)),
    maxRedirects: options.maxRedirects ?? 5,
    headers: {
      'User-Agent': options.userAgent ?? 'Laurel-Verifier/1.0',
      'Accept-Encoding': 'gzip, deflate, br',
    },
  };
  return async (url, fetchOptions) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      return await untilAborted(
        fetchFollowing(url, fetchOptions, settings, controller.signal),
        controller.signal,
      );
    } catch (error) {
      if (controller.signal.aborted) {
        throw unreachableError(`${url} did not answer within ${formatSeconds(timeoutMs)}`);
      }
      if (error instanceof FetchError) throw error;
      throw fetchFailure(url, 'something went wrong while fetching it', { unreachable: true });
    } finally {
      clearTimeout(timer);
    }
  };
}

/**
 * The fetcher the app uses. `OUTBOUND_ALLOW_HOSTS` is a comma-separated list of host names or
 * IPs (e.g. `127.0.0.1,localhost`) that may be fetched even though they are private or local.
 * It exists only so tests and local e2e runs can verify badges hosted on this machine; leave
 * it unset everywhere else, or the verifier can be pointed at those hosts.
 */
export function safeFetcherFromEnv(options: Pick<SafeFetcherOptions, 'allowOrigins'> = {}): Fetcher {
  const allowHosts = (process.env.OUTBOUND_ALLOW_HOSTS ?? '')
    .split(',')
    .map((host) => host.trim())
    .filter((host) => host !== '');
  return createSafeFetcher({ allowHosts, ...options });
}
