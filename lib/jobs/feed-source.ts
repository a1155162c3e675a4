import 'server-only';
import { readFile, stat } from 'node:fs/promises';
import { AppError } from '@/lib/errors';
import { formatBytes } from '@/lib/net/read-body';
import { safeFetcherFromEnv } from '@/lib/net/safe-fetch';
import { FetchError, type Fetcher } from '@/lib/net/types';

/** Feeds larger than this are refused, from a file or a URL. */
export const MAX_FEED_BYTES = 20 * 1024 * 1024;

const ACCEPT = 'application/ld+json, application/json, application/x-ndjson, text/plain;q=0.5';

async function fetchFeed(url: string, fetcher: Fetcher, maxBytes: number): Promise<string> {
  try {
    const response = await fetcher(url, { accept: ACCEPT, maxBytes });
    if (response.status < 200 || response.status > 299) {
      throw new AppError('invalid', `${url} answered with HTTP ${response.status}.`);
    }
    return new TextDecoder().decode(response.body);
  } catch (error) {
    if (error instanceof FetchError) throw new AppError('invalid', error.message);
    throw error;
  }
}

/**
 * The text of a feed named by an http(s) URL or a local path. URLs go through the SSRF-safe
 * fetcher: private and local addresses are refused unless listed in OUTBOUND_ALLOW_HOSTS.
 */
export async function readFeedSource(
  source: string,
  options: { fetcher?: Fetcher; maxBytes?: number } = {},
): Promise<string> {
  const maxBytes = options.maxBytes ?? MAX_FEED_BYTES;
  if (/^https?:\/\//i.test(source))
    return fetchFeed(source, options.fetcher ?? safeFetcherFromEnv(), maxBytes);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
    throw new AppError('invalid', `${source}: only http(s) URLs and local files can be imported.`);
  }
  try {
    const { size } = await stat(source);
    if (size > maxBytes) throw new AppError('invalid', `${source} is larger than ${formatBytes(maxBytes)}.`);
    return await readFile(source, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('invalid', `No such file: ${source}`);
    if (code === 'EISDIR') throw new AppError('invalid', `${source} is a folder, not a feed file.`);
    throw error;
  }
}
