/**
 * Paths the gate has lately found real, so a hot cached page costs no query per request. Only
 * positive answers are kept (an unknown id must always be looked up), for as long as a cached page
 * may be stale anyway (its revalidate), at most MAX_ENTRIES, oldest dropped first. A change to a
 * badge forgets its entry at once in this process (refreshBadgePage). Kept on globalThis: the
 * proxy and the app's routes are bundled apart but run in one process.
 */
const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

const holder = globalThis as unknown as { laurelKnownPaths?: Map<string, number> };
const entries = () => {
  holder.laurelKnownPaths ??= new Map();
  return holder.laurelKnownPaths;
};

export function isRememberedKnown(key: string, now = Date.now()): boolean {
  const expiresAt = entries().get(key);
  if (expiresAt === undefined) return false;
  if (expiresAt > now) return true;
  entries().delete(key);
  return false;
}

export function rememberKnown(key: string, now = Date.now()) {
  const map = entries();
  map.delete(key);
  map.set(key, now + TTL_MS);
  if (map.size > MAX_ENTRIES) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
}

export function forgetKnown(key: string) {
  entries().delete(key);
}

export const badgeKey = (awardId: string) => `badge:${awardId.toLowerCase()}`;
