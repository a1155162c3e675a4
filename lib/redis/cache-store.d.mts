/** Types of ./cache-store.mjs for the TypeScript that imports it (tests) and for ./cache-handler.mjs. */
import type { CacheControl } from './cache-entry.mjs';

export type GetContext = { kind?: string; tags?: string[]; softTags?: string[] };
export type SetContext = { fetchCache?: boolean; tags?: string[]; cacheControl?: CacheControl };
export type Result = { lastModified: number; value: unknown; cacheControl?: CacheControl };

export class RedisCacheStore {
  constructor(options: { url: string | undefined; buildId: string; prefix?: string });
  readonly url: string | undefined;
  readonly entryPrefix: string;
  readonly tagPrefix: string;
  get(key: string, ctx?: GetContext): Promise<Result | null>;
  set(key: string, data: unknown, ctx?: SetContext): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  flush(): Promise<boolean>;
  close(): Promise<void>;
}
