// @ts-check
/**
 * Next.js's `cacheHandler`: its incremental cache (ISR pages, cached route handlers, fetch and
 * unstable_cache data). With REDIS_URL it is kept in Redis by ./cache-store.mjs, so every app
 * instance serves and invalidates the same entries; without it, in Next's own file-system cache
 * with the same revalidation rule added (./local-cache-store.mjs). next.config.ts names this file
 * either way.
 *
 * Plain JavaScript on purpose: Next imports this file by path at run time, outside its bundles,
 * so it can use neither TypeScript nor the `@/` alias, and keeps its own connection rather than
 * lib/redis/client.ts's. `// @ts-check` and tsconfig.cache-handler.json type-check it in lint.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RedisCacheStore } from './cache-store.mjs';
import { LocalCacheStore } from './local-cache-store.mjs';

/**
 * @typedef {import('./cache-store.mjs').GetContext} GetContext
 * @typedef {import('./cache-store.mjs').SetContext} SetContext
 */

/** The build this server runs (`<distDir>/BUILD_ID`), which scopes its entries. */
function readBuildId(/** @type {string | undefined} */ serverDistDir) {
  try {
    return serverDistDir
      ? readFileSync(path.join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim()
      : 'unknown';
  } catch {
    return 'unknown';
  }
}

const STORE = Symbol.for('laurel.cacheStore');

/** One store per process: Next makes a handler per request. */
function sharedStore(/** @type {{ serverDistDir?: string }} */ ctx) {
  const holder = /** @type {{ [STORE]?: RedisCacheStore | LocalCacheStore }} */ (globalThis);
  const url = process.env.REDIS_URL?.trim();
  holder[STORE] ??= url
    ? new RedisCacheStore({ url, buildId: readBuildId(ctx.serverDistDir) })
    : new LocalCacheStore(ctx);
  return holder[STORE];
}

/** Next's `cacheHandler` interface, over the process's store. */
export default class PageCacheHandler {
  /** @param {{ serverDistDir?: string }} ctx Next's context (also fs, flushToDisk… for Next's own cache). */
  constructor(ctx) {
    this.store = sharedStore(ctx);
  }

  /** @param {string} key @param {GetContext} ctx */
  get(key, ctx) {
    return this.store.get(key, ctx);
  }

  /** @param {string} key @param {unknown} data @param {SetContext} ctx */
  set(key, data, ctx) {
    return this.store.set(key, data, ctx);
  }

  /** @param {string | string[]} tags @param {{ expire?: number }} [durations] */
  revalidateTag(tags, durations) {
    return this.store instanceof LocalCacheStore
      ? this.store.revalidateTag(tags, durations)
      : this.store.revalidateTag(tags);
  }

  resetRequestCache() {}
}
