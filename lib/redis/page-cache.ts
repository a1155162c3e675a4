/**
 * The page cache store of this process (lib/redis/cache-handler.mjs keeps it under a global
 * symbol, as Next loads that file by path outside our bundles), seen from the app's own code.
 */
type Store = { flush?: () => Promise<boolean>; close?: () => Promise<void> };

const STORE = Symbol.for('laurel.cacheStore');

/**
 * At shutdown: writes the revalidations still waiting for Redis (one bounded try), then drops the
 * connection. Without it, other instances could serve a page made private or revoked here until
 * its 60 s revalidate. Nothing to do without Redis or before the first page.
 */
export async function closePageCache(): Promise<void> {
  const store = (globalThis as { [STORE]?: Store })[STORE];
  if (!store) return;
  await store.flush?.();
  await store.close?.();
}
