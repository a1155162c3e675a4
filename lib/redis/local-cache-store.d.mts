/** Types of ./local-cache-store.mjs for the TypeScript that imports it (tests) and for ./cache-handler.mjs. */
import type { GetContext, Result, SetContext } from './cache-store.mjs';

export class LocalCacheStore {
  constructor(ctx: unknown);
  get(key: string, ctx?: GetContext): Promise<Result | null>;
  set(key: string, data: unknown, ctx?: SetContext): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  close(): Promise<void>;
}
