// @ts-check
/**
 * Next's incremental cache for a single app process (no REDIS_URL): Next's own file-system cache
 * (memory in front of files under the build directory), with the Redis store's revalidation rule
 * added. Next's cache treats an entry as revalidated only when its tag changed after the entry was
 * stored; a render that read the database just before a revocation and stored its page just after
 * the revalidation then kept serving the badge as valid until its `revalidate` ran out. Here, as in
 * Redis, an entry also misses when one of its tags changed less than a few seconds before it was
 * stored (isRevalidated in ./cache-entry.mjs).
 *
 * Tag times are kept per process, at most MAX_TAGS (past that, everything stored before counts
 * as revalidated); Next's cache keeps its own as before.
 */
import fileSystemCacheModule from 'next/dist/server/lib/incremental-cache/file-system-cache.js';
import { isRevalidated, tagsOf } from './cache-entry.mjs';

const MAX_TAGS = 100_000;

/**
 * @typedef {import('./cache-store.mjs').GetContext} GetContext
 * @typedef {import('./cache-store.mjs').SetContext} SetContext
 * @typedef {import('./cache-store.mjs').Result} Result
 * @typedef {{ get(key: string, ctx: unknown): Promise<Result | null>, set(key: string, data: unknown, ctx: unknown): Promise<void>, revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void> }} NextCache
 */

/** The CommonJS module's class, however it is imported. */
const FileSystemCache = /** @type {new (ctx: unknown) => NextCache} */ (
  /** @type {{ default?: unknown }} */ (fileSystemCacheModule).default ?? fileSystemCacheModule
);

export class LocalCacheStore {
  /** @type {NextCache} */
  #files;
  /** When each tag was last revalidated (ms), oldest first. @type {Map<string, number>} */
  #tagTimes = new Map();
  /** When the tag times last overflowed: everything stored before counts as revalidated. */
  #everythingAt = 0;

  /** @param {unknown} ctx Next's handler context (fs, serverDistDir, flushToDisk, maxMemoryCacheSize…). */
  constructor(ctx) {
    this.#files = new FileSystemCache(ctx);
  }

  /**
   * @param {string} key
   * @param {GetContext} ctx
   * @returns {Promise<Result | null>}
   */
  async get(key, ctx = {}) {
    const result = await this.#files.get(key, ctx);
    if (!result) return null;
    const tags = [
      ...tagsOf({ lastModified: result.lastModified, value: result.value, tags: [] }),
      ...(ctx.tags ?? []),
      ...(ctx.softTags ?? []),
    ];
    const times = [this.#everythingAt, ...tags.map((tag) => this.#tagTimes.get(tag) ?? null)];
    return isRevalidated(times, result.lastModified) ? null : result;
  }

  /**
   * @param {string} key
   * @param {unknown} data
   * @param {SetContext} ctx
   */
  set(key, data, ctx = {}) {
    return this.#files.set(key, data, ctx);
  }

  /**
   * @param {string | string[]} tags
   * @param {{ expire?: number }} [durations]
   */
  async revalidateTag(tags, durations) {
    const now = Date.now();
    const list = typeof tags === 'string' ? [tags] : tags;
    for (const tag of list) {
      this.#tagTimes.delete(tag);
      this.#tagTimes.set(tag, now);
    }
    if (this.#tagTimes.size > MAX_TAGS) {
      this.#tagTimes.clear();
      this.#everythingAt = now;
    }
    await this.#files.revalidateTag(list, durations);
  }

  async close() {}
}
