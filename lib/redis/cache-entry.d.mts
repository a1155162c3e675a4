/** Types of ./cache-entry.mjs for the TypeScript that imports it (tests) and for ./cache-store.mjs. */
export type CacheControl = { revalidate?: number | false; expire?: number };
export type Entry = { lastModified: number; value: unknown; cacheControl?: CacheControl; tags: string[] };

export const MAX_ENTRY_SECONDS: number;
export function serializeEntry(entry: Entry): string;
export function parseEntry(text: string): Entry;
export function tagsOf(entry: Entry): string[];
export function entrySeconds(cacheControl: CacheControl | undefined): number;
export function isRevalidated(times: (number | null)[], lastModified: number): boolean;
