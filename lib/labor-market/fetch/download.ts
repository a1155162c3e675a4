import { createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import { FetchError } from './errors';
import type { DownloadProgress } from './progress';

/** BLS refuses requests without a descriptive User-Agent; O*NET is sent the same one. */
export const USER_AGENT =
  'Laurel/0.1 (open badge wallet; labor-market fetch of O*NET and BLS OEWS public data)';

export type RequestOptions = {
  url: string;
  /** Refuse anything larger: a mirror or a proxy page must not fill the disk. */
  maxBytes: number;
  /** No answer, or no new bytes, for this long is a timeout. */
  timeoutMs?: number;
  progress?: DownloadProgress;
};

/** The server answered 404 or 410: the file is not (yet) published. */
export class NotPublished extends FetchError {}

const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * Downloads `url` into `dest`, streaming (never the whole file in memory), with progress. Throws
 * a FetchError that names the site when it cannot be reached, the URL and status when it answers
 * with an error (NotPublished for 404), and the sizes when the file is too large or cut short.
 */
export async function downloadFile(
  options: RequestOptions & { dest: string; name: string },
): Promise<number> {
  const { url, name, progress, maxBytes } = options;
  return withResponse(options, async (response, touch) => {
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    const total = Number.isFinite(declared) ? declared : null;
    if (total !== null && total > maxBytes) throw tooLarge(url, total, maxBytes);
    progress?.downloadStarted(name, total);
    const started = performance.now();
    let received = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        touch();
        received += chunk.length;
        if (received > maxBytes) return done(tooLarge(url, received, maxBytes));
        progress?.bytesReceived(name, received);
        done(null, chunk);
      },
    });
    await pipeline(bodyOf(response), counter, createWriteStream(options.dest));
    if (total !== null && received !== total) {
      throw new FetchError(`${url}: the download stopped after ${received} of ${total} bytes; try again.`);
    }
    progress?.downloadDone(name, received, (performance.now() - started) / 1000);
    return received;
  });
}

/** A small text document (an index page), read whole. */
export async function fetchText(options: RequestOptions): Promise<string> {
  return withResponse(options, async (response, touch) => {
    const chunks: Buffer[] = [];
    let received = 0;
    for await (const chunk of bodyOf(response) as AsyncIterable<Buffer>) {
      touch();
      received += chunk.length;
      if (received > options.maxBytes) throw tooLarge(options.url, received, options.maxBytes);
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  });
}

/**
 * Sends the GET and hands the response to `read`, translating every network failure into a
 * message; `touch` restarts the idle timer as bytes arrive.
 */
async function withResponse<T>(
  options: RequestOptions,
  read: (response: Response, touch: () => void) => Promise<T>,
): Promise<T> {
  const { url } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const touch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
  };
  touch();
  try {
    let response: Response | undefined;
    // A kept-alive connection the server has just closed fails at once; one retry opens a new one.
    for (let attempt = 0; !response; attempt++) {
      try {
        response = await fetch(url, {
          headers: { 'user-agent': USER_AGENT, accept: '*/*' },
          signal: controller.signal,
          redirect: 'follow',
        });
      } catch (error) {
        const reason = reasonOf(error);
        if (attempt === 0 && !timedOut && STALE_CONNECTION.has(reason)) continue;
        throw unreachable(url, timedOut ? `no answer within ${timeoutMs / 1000} s` : reason);
      }
    }
    if (response.status === 404 || response.status === 410) {
      await response.body?.cancel();
      throw new NotPublished(`${url} answered HTTP ${response.status} (not published)`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      const hint = response.status === 403 ? ' (the site refused the request)' : '';
      throw new FetchError(`${url} answered HTTP ${response.status} ${response.statusText}${hint}.`);
    }
    try {
      return await read(response, touch);
    } catch (error) {
      if (error instanceof FetchError) throw error;
      if (timedOut)
        throw new FetchError(`${url}: no data for ${timeoutMs / 1000} s; the download was abandoned.`);
      if (isNetworkError(error)) {
        throw new FetchError(
          `${url}: the connection broke during the download (${reasonOf(error)}); try again.`,
        );
      }
      throw error;
    }
  } finally {
    clearTimeout(timer);
  }
}

function bodyOf(response: Response): Readable {
  if (!response.body) return Readable.from([]);
  return Readable.fromWeb(response.body as unknown as ReadableStream<Uint8Array>);
}

function tooLarge(url: string, bytes: number, maxBytes: number): FetchError {
  return new FetchError(
    `${url} is larger than ${maxBytes.toLocaleString('en')} bytes (at least ${bytes.toLocaleString('en')}): refused, this is not the expected file.`,
  );
}

/** The message for a site that cannot be reached at all. */
function unreachable(url: string, reason: string): FetchError {
  const host = new URL(url).host;
  return new FetchError(
    `Could not reach ${host} (${reason}). Check your connection, or download the files yourself and use --from <dir> (see --help).`,
  );
}

const REASONS: Record<string, string> = {
  ENOTFOUND: 'the name does not resolve',
  EAI_AGAIN: 'the name does not resolve',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed',
};

const STALE_CONNECTION = new Set([REASONS.ECONNRESET, REASONS.UND_ERR_SOCKET]);

/** fetch() wraps the system error in `cause`; say it in words. */
function reasonOf(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return REASONS[code] ?? code;
    current = current.cause;
  }
  return error instanceof Error ? error.message : String(error);
}

/** undici ends a body cut off mid-way with a TypeError ("terminated") or a socket error code. */
function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (
    error instanceof TypeError ||
    error.name === 'AbortError' ||
    (typeof code === 'string' && (code in REASONS || code.startsWith('UND_ERR')))
  );
}
