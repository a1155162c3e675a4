// @ts-check
/**
 * One cache entry as the stores keep it (Redis, lib/redis/cache-store.mjs, as JSON that survives
 * the Buffers and Maps of Next's values; one process's memory, ./memory-cache-store.mjs): the
 * tags it answers to, how long it is kept, and when a revalidation makes it a miss.
 */

const TAGS_HEADER = 'x-next-cache-tags';
/** An entry lives in Redis at most this long (its own `expire` when shorter). */
export const MAX_ENTRY_SECONDS = 7 * 24 * 60 * 60;
/**
 * An entry stored less than this after its tag was revalidated counts as made before it: a
 * render that read the database just before a change can finish and store just after the
 * revalidation. The changed page is rendered per request for these seconds, then cached again.
 */
const RENDER_MARGIN_MS = 5_000;

/** Whether a tag time (ms) falls after, or just before, an entry was stored. */
export function isRevalidated(/** @type {(number | null)[]} */ times, /** @type {number} */ lastModified) {
  return times.some((t) => t !== null && t + RENDER_MARGIN_MS > lastModified);
}

/**
 * @typedef {{ revalidate?: number | false, expire?: number }} CacheControl
 * @typedef {{ lastModified: number, value: unknown, cacheControl?: CacheControl, tags: string[] }} Entry
 */

/** JSON that keeps Buffers (RSC payloads, route bodies) and Maps (RSC segments). */
export function serializeEntry(/** @type {Entry} */ entry) {
  return JSON.stringify(entry, function (key, value) {
    const raw = this[key];
    if (raw instanceof Uint8Array) return { $bytes: Buffer.from(raw).toString('base64') };
    if (raw instanceof Map) return { $map: [...raw] };
    return value;
  });
}

/** @returns {Entry} */
export function parseEntry(/** @type {string} */ text) {
  return JSON.parse(text, (_key, value) => {
    if (value === null || typeof value !== 'object') return value;
    if (typeof value.$bytes === 'string') return Buffer.from(value.$bytes, 'base64');
    if (Array.isArray(value.$map)) return new Map(value.$map);
    return value;
  });
}

/** The tags an entry carries: a page's in its headers, a fetch entry's stored with it. */
export function tagsOf(/** @type {Entry} */ entry) {
  const value = /** @type {{ headers?: Record<string, unknown> } | null} */ (entry.value);
  const header = value?.headers?.[TAGS_HEADER];
  const fromHeader = typeof header === 'string' && header ? header.split(',') : [];
  return [...new Set([...fromHeader, ...entry.tags])];
}

/** Seconds an entry stays in Redis: its `expire`, at most MAX_ENTRY_SECONDS. */
export function entrySeconds(/** @type {CacheControl | undefined} */ cacheControl) {
  const expire = cacheControl?.expire;
  return Math.max(1, Math.min(MAX_ENTRY_SECONDS, typeof expire === 'number' ? Math.ceil(expire) : Infinity));
}
