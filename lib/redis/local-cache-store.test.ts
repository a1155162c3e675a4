import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { nodeFs } from 'next/dist/server/lib/node-fs-methods';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import PageCacheHandler from './cache-handler.mjs';
import { LocalCacheStore } from './local-cache-store.mjs';

/*
 * The single-process page cache: Next's own file-system cache (real, on a temporary directory)
 * with the Redis store's revalidation rule. Fake clocks start in the past, as Next's expiry
 * check compares the revalidation time with the real clock.
 */

const dist = mkdtempSync(path.join(tmpdir(), 'laurel-local-cache-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));
afterEach(() => {
  vi.useRealTimers();
});

const context = {
  fs: nodeFs,
  serverDistDir: path.join(dist, 'server'),
  flushToDisk: true,
  maxMemoryCacheSize: 50e6,
  revalidatedTags: [],
};
let pages = 0;
/** A fresh badge page key and what Next stores for it: HTML, the RSC payload and its tags. */
function badgePage(html: string) {
  pages += 1;
  const id = `${pages}-${Date.now()}`;
  return {
    key: `/badges/${id}`,
    tag: `_N_T_/badges/${id}`,
    value: (text = html) => ({
      kind: 'APP_PAGE',
      html: text,
      rscData: Buffer.from('rsc'),
      headers: { 'x-next-cache-tags': `_N_T_/layout,_N_T_/badges/${id}` },
      status: 200,
    }),
  };
}
const PAGE = { kind: 'APP_PAGE', isRoutePPREnabled: false, isFallback: false };
const LIFETIME = {
  cacheControl: { revalidate: 60, expire: 3600 },
  isRoutePPREnabled: false,
  isFallback: false,
};
const htmlOf = (result: { value: unknown } | null) => (result?.value as { html?: string } | undefined)?.html;

describe('the single-process page cache', () => {
  it('serves what it stored until one of its tags is revalidated', async () => {
    const store = new LocalCacheStore(context);
    const one = badgePage('valid');
    const two = badgePage('other');
    await store.set(one.key, one.value(), LIFETIME);
    await store.set(two.key, two.value(), LIFETIME);
    expect(htmlOf(await store.get(one.key, PAGE))).toBe('valid');

    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.revalidateTag(one.tag);

    expect(await store.get(one.key, PAGE)).toBeNull();
    expect(htmlOf(await store.get(two.key, PAGE))).toBe('other');
  });

  it('treats a page stored just after a revalidation as rendered before the change', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T10:00:00Z'), toFake: ['Date'] });
    const store = new LocalCacheStore(context);
    const page = badgePage('valid');
    await store.revalidateTag(page.tag);
    // A render that read the database before the revocation stores its page a moment after it:
    // Next's own cache would serve it as fresh.
    vi.setSystemTime(new Date('2026-01-01T10:00:00.800Z'));
    await store.set(page.key, page.value('valid (stale)'), LIFETIME);
    expect(await store.get(page.key, PAGE)).toBeNull();

    vi.setSystemTime(new Date('2026-01-01T10:00:06Z'));
    await store.set(page.key, page.value('revoked'), LIFETIME);
    expect(htmlOf(await store.get(page.key, PAGE))).toBe('revoked');
  });

  it('honours the tags a caller names for data entries', async () => {
    const store = new LocalCacheStore(context);
    const key = `fetch-${Date.now()}`;
    const data = { kind: 'FETCH', data: { headers: {}, body: 'e30=', status: 200 }, revalidate: 60 };
    await store.set(key, data, { fetchCache: true, tags: ['jobs'] });
    const asked = { kind: 'FETCH', tags: ['jobs'], softTags: ['_N_T_/skills/linux'] };
    expect(await store.get(key, asked)).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.revalidateTag('_N_T_/skills/linux');
    expect(await store.get(key, asked)).toBeNull();
  });

  it('is the handler’s store when no REDIS_URL is set', () => {
    const previous = process.env.REDIS_URL;
    delete process.env.REDIS_URL;
    try {
      expect(new PageCacheHandler(context).store).toBeInstanceOf(LocalCacheStore);
    } finally {
      if (previous !== undefined) process.env.REDIS_URL = previous;
      delete (globalThis as Record<symbol, unknown>)[Symbol.for('laurel.cacheStore')];
    }
  });
});
