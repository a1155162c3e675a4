/** Types of ./cache-handler.mjs for the TypeScript that imports it (its tests). */
import type { GetContext, RedisCacheStore, Result, SetContext } from './cache-store.mjs';
import type { LocalCacheStore } from './local-cache-store.mjs';

export default class PageCacheHandler {
  constructor(ctx: { serverDistDir?: string });
  readonly store: RedisCacheStore | LocalCacheStore;
  get(key: string, ctx: GetContext): Promise<Result | null>;
  set(key: string, data: unknown, ctx: SetContext): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  resetRequestCache(): void;
}
