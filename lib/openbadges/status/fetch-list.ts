import { FetchError, type Fetcher } from '@/lib/net/types';

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
 */
export function statusListFetchJson(fetch: Fetcher): (url: string) => Promise<unknown> {
  return async (url) => {
    const resource = await fetch(url, { accept: ACCEPT, maxBytes: MAX_STATUS_LIST_BYTES });
    if (resource.status !== 200) throw new FetchError(`it answered HTTP ${resource.status}`);
    const text = new TextDecoder().decode(resource.body);
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  };
}
