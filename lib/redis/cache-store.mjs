// @ts-check
/**
 * Next's incremental cache in Redis, shared by every app instance (the store behind
 * ./cache-handler.mjs; one per process, tests make several).
 *
 * Invalidation: revalidatePath and revalidateTag reach `revalidateTag` here with Next's tags
 * (a path becomes `_N_T_/badges/<id>`). Each tag's time is a Redis key; every `get` reads the
 * entry's own tags (a page's implicit path tags travel in its `x-next-cache-tags` header, a fetch
 * entry's with it and in its context) and treats the entry as missing when one of them was
 * revalidated after, or shortly before, the entry was stored. So a change made on one instance is
 * seen by the next request on any instance; no messages between instances are needed.
 *
 * Each process also keeps the entries it stored or read, parsed (at most LOCAL_MAX_BYTES), and
 * serves one only after Redis confirms, in the same round trip as the tag times, that it still
 * holds that very version: never anything Redis would not serve, without moving the page itself.
 * Next's own per-process memory cache is off (cacheMaxMemorySize: 0 in next.config.ts).
 *
 * Redis down: a `get` is a miss (the page renders from the database), a `set` is dropped, and a
 * revalidation is kept in memory and written once Redis answers again. Nothing here throws into
 * a request or waits longer than COMMAND_TIMEOUT_MS; after a failure Redis is not asked again
 * for DOWN_FOR_MS, so an outage costs requests no waiting.
 */
import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import {
  entrySeconds,
  isRevalidated,
  MAX_ENTRY_SECONDS,
  parseEntry,
  serializeEntry,
  tagsOf,
} from './cache-entry.mjs';

const COMMAND_TIMEOUT_MS = 300;
const DOWN_FOR_MS = 1_000;
const CONNECT_TIMEOUT_MS = 1_000;
const MAX_RECONNECT_DELAY_MS = 2_000;
/** How long a flush waits for a connection that is between reconnect attempts. */
const FLUSH_WAIT_MS = MAX_RECONNECT_DELAY_MS + CONNECT_TIMEOUT_MS / 2;
/** A tag's time must outlive every entry it could invalidate. */
const TAG_SECONDS = MAX_ENTRY_SECONDS + 60 * 60;
/** Revalidations waiting for Redis; past this many, everything cached before is invalidated. */
const MAX_PENDING_TAGS = 10_000;
/** The tag every entry carries implicitly: set when pending revalidations overflowed. */
const EVERYTHING = '*';
/** Parsed entries a process keeps beside Redis (their JSON size). */
const LOCAL_MAX_BYTES = 64 * 1024 * 1024;
const LOG_EVERY_MS = 30_000;

/**
 * @typedef {import('./cache-entry.mjs').CacheControl} CacheControl
 * @typedef {import('./cache-entry.mjs').Entry} Entry
 * @typedef {{ kind?: string, tags?: string[], softTags?: string[] }} GetContext
 * @typedef {{ fetchCache?: boolean, tags?: string[], cacheControl?: CacheControl }} SetContext
 * @typedef {{ lastModified: number, value: unknown, cacheControl?: CacheControl }} Result
 * @typedef {{ version: string, tags: string[], result: Result, size: number }} LocalCopy
 * @typedef {ReturnType<typeof createClient>} Client
 */

/** Tag times as Redis holds them (strings of ms), as numbers. */
const asTimes = (/** @type {(string | null)[]} */ times) => times.map((t) => (t === null ? null : Number(t)));

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @returns {Promise<T>}
 */
function withTimeout(promise, ms) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis gave no answer within ${ms} ms`)), ms);
  });
  return /** @type {Promise<T>} */ (Promise.race([promise, timeout])).finally(() => clearTimeout(timer));
}

/** One Redis-backed cache; a process has one (./cache-handler.mjs), tests make several. */
export class RedisCacheStore {
  /** @type {Client | undefined} */
  #client;
  /** @type {Promise<unknown> | undefined} */
  #connecting;
  #downUntil = 0;
  #lastLogged = 0;
  /** @type {Set<string>} */
  #pendingTags = new Set();
  #isEverythingPending = false;
  /** @type {NodeJS.Timeout | undefined} */
  #retryTimer;
  /**
   * Entries this process stored or read, parsed, least recently used first: a hit then moves a
   * version id and tag times instead of the whole page, and never serves what Redis no longer has.
   * @type {Map<string, LocalCopy>}
   */
  #local = new Map();
  #localBytes = 0;

  /** @param {{ url: string | undefined, buildId: string, prefix?: string }} options */
  constructor({ url, buildId, prefix = 'laurel:next:' }) {
    this.url = url;
    // Entries belong to one build (their HTML names its scripts); tag times hold for every build,
    // so a change made by an instance still on the old build invalidates the new one's pages too.
    this.entryPrefix = `${prefix}${buildId}:entry:`;
    this.tagPrefix = `${prefix}tag:`;
  }

  /**
   * The entry, unless a tag of it (or one the caller names) was revalidated since it was stored.
   * A copy this process holds is served only while Redis still has the same version of it.
   * @param {string} key
   * @param {GetContext} ctx
   * @returns {Promise<Result | null>}
   */
  async get(key, ctx = {}) {
    const askedTags = [...(ctx.tags ?? []), ...(ctx.softTags ?? [])];
    return this.#use(null, async (client) => {
      const redisKey = this.entryPrefix + key;
      const local = this.#local.get(key);
      if (local) {
        // One round trip: the stored version and the tag times (commands in one tick are pipelined).
        const [version, times] = await Promise.all([
          client.hGet(redisKey, 'v'),
          client.mGet(this.#tagKeys([...local.tags, ...askedTags])),
        ]);
        if (version === local.version) {
          if (isRevalidated(asTimes(times), local.result.lastModified)) return null;
          this.#local.delete(key);
          this.#local.set(key, local); // most recently used last
          return local.result;
        }
        this.#forget(key);
        if (version === null) return null;
      }
      const [version, text] = await client.hmGet(redisKey, ['v', 'e']);
      if (!version || !text) return null;
      const entry = parseEntry(text);
      const tags = tagsOf(entry);
      const times = await client.mGet(this.#tagKeys([...tags, ...askedTags]));
      if (isRevalidated(asTimes(times), entry.lastModified)) return null;
      const result = {
        lastModified: entry.lastModified,
        value: entry.value,
        cacheControl: entry.cacheControl,
      };
      this.#remember(key, { version, tags, result, size: text.length });
      return result;
    });
  }

  /**
   * @param {string} key
   * @param {unknown} data
   * @param {SetContext} ctx
   */
  async set(key, data, ctx = {}) {
    if (data === null || data === undefined) return;
    /** @type {Entry} */
    const entry = {
      lastModified: Date.now(),
      value: data,
      cacheControl: ctx.fetchCache ? undefined : ctx.cacheControl,
      tags: ctx.fetchCache ? (ctx.tags ?? []) : [],
    };
    const text = serializeEntry(entry);
    const version = `${entry.lastModified}-${randomBytes(6).toString('hex')}`;
    const redisKey = this.entryPrefix + key;
    const isStored = await this.#use(false, async (client) => {
      await client
        .multi()
        .hSet(redisKey, { v: version, e: text })
        .expire(redisKey, entrySeconds(entry.cacheControl))
        .exec();
      return true;
    });
    if (!isStored) return;
    const result = { lastModified: entry.lastModified, value: entry.value, cacheControl: entry.cacheControl };
    this.#remember(key, { version, tags: tagsOf(entry), result, size: text.length });
  }

  /**
   * Records that `tags` changed now. Next's durations (revalidateTag with a profile) would let
   * the old entry be served while a new one renders; here it is always a miss, which is stricter.
   * @param {string | string[]} tags
   */
  async revalidateTag(tags) {
    const list = typeof tags === 'string' ? [tags] : tags;
    if (list.length === 0) return;
    for (const tag of list) this.#pendingTags.add(tag);
    if (this.#pendingTags.size > MAX_PENDING_TAGS) {
      this.#pendingTags.clear();
      this.#isEverythingPending = true;
    }
    // #use writes pending tags before anything else; when Redis is down they wait for the retry.
    await this.#use(undefined, async () => {});
    if (this.#hasPending()) this.#scheduleRetry();
  }

  /**
   * Writes the revalidations still waiting for Redis, now (a graceful shutdown: after it, nothing
   * would). Waits at most FLUSH_WAIT_MS for the connection, then one try bounded like every call;
   * true when none is left waiting.
   */
  async flush() {
    if (!this.#hasPending()) return true;
    const client = this.#client;
    if (client && !client.isReady) {
      await new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          client.off('ready', done);
          resolve(undefined);
        };
        const timer = setTimeout(done, FLUSH_WAIT_MS);
        client.once('ready', done);
      });
    }
    this.#downUntil = 0;
    await this.#use(undefined, async () => {});
    return !this.#hasPending();
  }

  /**
   * Drops the connection (tests, shutdown). Not node-redis's close(): that waits for the replies
   * of commands already sent, which never come while Redis is unreachable, and so never returns.
   * Whatever is in flight is a cache read or write that may fail.
   */
  async close() {
    clearTimeout(this.#retryTimer);
    const client = this.#client;
    this.#client = undefined;
    if (client?.isOpen) client.destroy();
  }

  /** @param {string[]} tags */
  #tagKeys(tags) {
    return [...new Set([EVERYTHING, ...tags])].map((tag) => this.tagPrefix + tag);
  }

  /** @param {string} key @param {LocalCopy} copy */
  #remember(key, copy) {
    this.#forget(key);
    if (copy.size > LOCAL_MAX_BYTES / 4) return;
    this.#local.set(key, copy);
    this.#localBytes += copy.size;
    for (const [oldest, old] of this.#local) {
      if (this.#localBytes <= LOCAL_MAX_BYTES) break;
      this.#local.delete(oldest);
      this.#localBytes -= old.size;
    }
  }

  /** @param {string} key */
  #forget(key) {
    const copy = this.#local.get(key);
    if (!copy) return;
    this.#local.delete(key);
    this.#localBytes -= copy.size;
  }

  #hasPending() {
    return this.#pendingTags.size > 0 || this.#isEverythingPending;
  }

  /**
   * Runs `fn` with a ready client, after writing pending revalidations. Any failure, or Redis
   * not answering in time, answers `fallback` and keeps Redis out of the way for DOWN_FOR_MS.
   * @template T
   * @param {T} fallback
   * @param {(client: Client) => Promise<T>} fn
   * @returns {Promise<T>}
   */
  async #use(fallback, fn) {
    if (!this.url || Date.now() < this.#downUntil) return fallback;
    try {
      const client = await this.#readyClient();
      if (this.#hasPending()) await withTimeout(this.#writePending(client), COMMAND_TIMEOUT_MS);
      return await withTimeout(fn(client), COMMAND_TIMEOUT_MS);
    } catch (error) {
      this.#markDown(error);
      return fallback;
    }
  }

  async #readyClient() {
    if (!this.#client) {
      /** @type {Client} */
      const client = createClient({
        url: this.url,
        disableOfflineQueue: true,
        socket: {
          connectTimeout: CONNECT_TIMEOUT_MS,
          reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, MAX_RECONNECT_DELAY_MS),
        },
      });
      // Without a listener an 'error' event would end the process; reconnecting is the client's job.
      client.on('error', (/** @type {Error} */ error) => this.#log(error));
      this.#client = client;
      // connect() settles only once Redis answers: while it is down it keeps trying, in the background.
      this.#connecting = client.connect().catch(() => {});
    }
    const client = this.#client;
    if (!client.isReady && this.#connecting) {
      await Promise.race([this.#connecting, sleep(COMMAND_TIMEOUT_MS)]);
      this.#connecting = undefined;
    }
    if (!client.isReady) throw new Error('Redis is not connected');
    return client;
  }

  /** Writes every pending revalidation with the current time (later than the change itself). */
  async #writePending(/** @type {Client} */ client) {
    const tags = [...this.#pendingTags];
    const everything = this.#isEverythingPending;
    const now = String(Date.now());
    const multi = client.multi();
    for (const tag of everything ? [...tags, EVERYTHING] : tags) {
      multi.set(this.tagPrefix + tag, now, { expiration: { type: 'EX', value: TAG_SECONDS } });
    }
    await multi.exec();
    for (const tag of tags) this.#pendingTags.delete(tag);
    if (everything) this.#isEverythingPending = false;
  }

  #markDown(/** @type {unknown} */ error) {
    this.#downUntil = Date.now() + DOWN_FOR_MS;
    this.#log(error);
    if (this.#hasPending()) this.#scheduleRetry();
  }

  /** Keeps trying to write pending revalidations, even when no request comes to do it. */
  #scheduleRetry() {
    if (this.#retryTimer) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      void this.#use(undefined, async () => {}).then(() => {
        if (this.#hasPending()) this.#scheduleRetry();
      });
    }, DOWN_FOR_MS + 10);
    this.#retryTimer.unref();
  }

  #log(/** @type {unknown} */ error) {
    if (Date.now() - this.#lastLogged < LOG_EVERY_MS) return;
    this.#lastLogged = Date.now();
    const message = error instanceof Error ? error.message : String(error);
    console.warn(`[cache] Redis unavailable, pages render from the database: ${message}`);
  }
}
