import { FetchError, type Fetcher } from '@/lib/net/types';
import { freshnessMs, type StatusListCache } from './list-cache';

/**
 * The most a status list document may weigh. A 131,072-entry list is about 20 KB; even 16 MB of
 * bits, sparse as status lists are, compresses far below this.
 */
export const MAX_STATUS_LIST_BYTES = 2 * 1024 * 1024;
const ACCEPT = 'application/vc+ld+json, application/vc, application/ld+json, application/json';

/**
 * `fetchJson` for checkCredentialStatus over a guarded Fetcher (the verifier's SSRF-safe one):
 * size-limited, rejecting when the list cannot be had (unreachable, timed out, not 200), and
 * resolving to the parsed JSON, or to the raw text when it is not JSON (the check then says so).
 * With a cache, a fresh copy is answered without fetching, and JSON objects are kept while the
 * answer's Cache-Control and the list allow (see ./list-cache.ts).
 */
export function statusListFetchJson(
  fetch: Fetcher,
  cache?: StatusListCache,
): (url: string) => Promise<unknown> {
  return async (url) => {
    const cached = cache?.get(url);
    if (cached) return cached;
    const resource = await fetch(url, { accept: ACCEPT, maxBytes: MAX_STATUS_LIST_BYTES });
    if (resource.status !== 200) throw new FetchError(`it answered HTTP ${resource.status}`);
    const text = new TextDecoder().decode(resource.body);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return text;
    }
    if (cache && typeof json === 'object' && json !== null && !Array.isArray(json)) {
      const document = json as Record<string, unknown>;
      const maxAgeMs = freshnessMs(resource.cacheControl, document);
      cache.put(url, document, { bytes: resource.body.byteLength, maxAgeMs });
    }
    return json;
  };
}
