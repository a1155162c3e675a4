/**
 * Status lists a verifier fetched lately, by URL, reused while fresh: a popular issuer's list is
 * then fetched about once a minute instead of once per verification. Freshness is the shortest of
 * MAX_AGE_MS, the answer's `Cache-Control: max-age` and the list's own `ttl`; `no-store` and
 * `no-cache` answers, and anything but a JSON object, are never kept. At most MAX_ENTRIES lists
 * and MAX_BYTES of their text, least recently used dropped first.
 *
 * A list whose proof held is marked verified (`isVerified`) for as long as its entry lives, so a
 * warm list costs no second signature check. That trusts the signing key for up to MAX_AGE_MS
 * after it was checked: the same window the list's bits may already be stale by.
 *
 * One cache belongs to one fetch policy (the public verifier's SSRF-safe fetcher): an entry is
 * whatever that policy fetched.
 */
export const MAX_AGE_MS = 60_000;
export const MAX_ENTRIES = 100;
export const MAX_BYTES = 4 * 1024 * 1024;

type Entry = { document: Record<string, unknown>; bytes: number; expiresAt: number };

export type StatusListCache = {
  /** The fresh list fetched from `url`, or undefined. */
  get(url: string): Record<string, unknown> | undefined;
  /** Keeps `document` (fetched as `bytes` bytes of text) for `maxAgeMs` at most. */
  put(url: string, document: Record<string, unknown>, options: { bytes: number; maxAgeMs: number }): void;
  /** Whether this cached list's proof was checked and held. */
  isVerified(document: Record<string, unknown>): boolean;
  markVerified(document: Record<string, unknown>): void;
};

export function createStatusListCache(
  options: { maxEntries?: number; maxBytes?: number; now?: () => number } = {},
): StatusListCache {
  const maxEntries = options.maxEntries ?? MAX_ENTRIES;
  const maxBytes = options.maxBytes ?? MAX_BYTES;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  // Marks live on the document object itself, so they end with its entry.
  const verified = new WeakSet<object>();
  let totalBytes = 0;

  const remove = (url: string) => {
    const entry = entries.get(url);
    if (!entry) return;
    entries.delete(url);
    totalBytes -= entry.bytes;
  };

  return {
    get(url) {
      const entry = entries.get(url);
      if (!entry) return undefined;
      remove(url);
      if (entry.expiresAt <= now()) return undefined;
      // Re-inserted: the Map's order is least recently used first.
      entries.set(url, entry);
      totalBytes += entry.bytes;
      return entry.document;
    },
    put(url, document, { bytes, maxAgeMs }) {
      remove(url);
      const age = Math.min(maxAgeMs, MAX_AGE_MS);
      if (!(age > 0) || bytes > maxBytes) return;
      entries.set(url, { document, bytes, expiresAt: now() + age });
      totalBytes += bytes;
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries && totalBytes <= maxBytes) break;
        remove(oldest);
      }
    },
    isVerified: (document) => verified.has(document),
    markVerified: (document) => void verified.add(document),
  };
}

/**
 * How long an answer may be reused, in milliseconds: its `max-age` (0 for `no-store` or
 * `no-cache`), else MAX_AGE_MS, shortened by a Bitstring Status List's `ttl` (milliseconds).
 */
export function freshnessMs(cacheControl: string | undefined, document: Record<string, unknown>): number {
  const directives = (cacheControl ?? '')
    .toLowerCase()
    .split(',')
    .map((d) => d.trim());
  if (directives.some((d) => d === 'no-store' || d === 'no-cache')) return 0;
  const maxAge = directives.map((d) => /^max-age=(\d+)$/.exec(d)?.[1]).find((v) => v !== undefined);
  let age = maxAge === undefined ? MAX_AGE_MS : Number(maxAge) * 1000;
  const subject = document.credentialSubject;
  const ttl =
    typeof subject === 'object' && subject !== null ? (subject as { ttl?: unknown }).ttl : undefined;
  if (typeof ttl === 'number' && Number.isFinite(ttl) && ttl >= 0) age = Math.min(age, ttl);
  return Math.min(age, MAX_AGE_MS);
}

const holder = globalThis as unknown as { laurelStatusLists?: StatusListCache };

/** The public verifier's cache, one per process (on globalThis: route bundles share it). */
export function publicStatusListCache(): StatusListCache {
  holder.laurelStatusLists ??= createStatusListCache();
  return holder.laurelStatusLists;
}

/**
 * The same cache, except for lists served from `host` (our own): those are read fresh every
 * time, so a revocation here shows in our own verifier at once rather than after MAX_AGE_MS.
 */
export function exceptHost(cache: StatusListCache, host: string): StatusListCache {
  const isOwn = (url: string) => URL.canParse(url) && new URL(url).host === host;
  return {
    ...cache,
    get: (url) => (isOwn(url) ? undefined : cache.get(url)),
    put: (url, document, options) => {
      if (!isOwn(url)) cache.put(url, document, options);
    },
  };
}
