import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '@/test/ports';
import { type RedisServer, startRedisServer } from '@/test/redis-server';
import { parseEntry, serializeEntry } from './cache-entry.mjs';
import PageCacheHandler from './cache-handler.mjs';
import { RedisCacheStore } from './cache-store.mjs';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What Next stores for an app page: HTML, the RSC payload, its segments, and the page's tags. */
function appPage(html: string, tags: string[]) {
  return {
    kind: 'APP_PAGE',
    html,
    rscData: Buffer.from([0, 1, 2, 250, 255]),
    segmentData: new Map([['/_tree', Buffer.from('tree')]]),
    headers: { 'x-next-cache-tags': tags.join(',') },
    status: 200,
    postponed: undefined,
  };
}
const pageTags = (id: string) => [
  '_N_T_/layout',
  '_N_T_/(public)/badges/[awardId]/page',
  `_N_T_/badges/${id}`,
];
const PAGE = { kind: 'APP_PAGE', isFallback: false };
const LIFETIME = { cacheControl: { revalidate: 60, expire: 31_536_000 } };

/** A TCP hop to Redis that can be cut and restored: one instance losing Redis while others keep it. */
async function cuttableLink(targetPort: number) {
  const port = await freePort();
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(targetPort, '127.0.0.1');
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('error', () => {});
          socket.on('close', () => {
            sockets.delete(socket);
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => resolve());
    });
  await listen();
  return {
    url: `redis://127.0.0.1:${port}`,
    cut: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server?.close(() => resolve());
      }),
    restore: listen,
  };
}

let redis: RedisServer;
const stores: RedisCacheStore[] = [];
/** A store as one app instance has it; two of them are two instances sharing Redis. */
function instance(buildId = 'build-1', url = redis.url) {
  const store = new RedisCacheStore({ url, buildId });
  stores.push(store);
  return store;
}

beforeAll(async () => {
  redis = await startRedisServer(await freePort());
});
afterAll(async () => {
  await redis?.stop();
});
beforeEach(async () => {
  const admin = createClient({ url: redis.url });
  await admin.connect();
  await admin.flushAll();
  await admin.close();
});
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

describe('entries', () => {
  it('keeps bytes and segment maps as they were', () => {
    const entry = { lastModified: 1, value: appPage('<p>hi</p>', ['a']), tags: [] };
    const back = parseEntry(serializeEntry(entry));
    const value = back.value as ReturnType<typeof appPage>;
    expect(value.rscData).toEqual(Buffer.from([0, 1, 2, 250, 255]));
    expect(value.segmentData).toBeInstanceOf(Map);
    expect(value.segmentData.get('/_tree')?.toString()).toBe('tree');
    expect(value.html).toBe('<p>hi</p>');
  });

  it('serves a page one instance stored to another, with its lifetime', async () => {
    const a = instance();
    const b = instance();
    await a.set('/badges/1', appPage('<h1>Badge</h1>', pageTags('1')), LIFETIME);
    const hit = await b.get('/badges/1', PAGE);
    expect(hit?.cacheControl).toEqual(LIFETIME.cacheControl);
    expect((hit?.value as { html?: string } | undefined)?.html).toBe('<h1>Badge</h1>');
    expect(await b.get('/badges/2', PAGE)).toBeNull();
  });

  it('serves the version in Redis, not an older copy this instance held', async () => {
    const a = instance();
    const b = instance();
    await a.set('/badges/1', appPage('first', pageTags('1')), LIFETIME);
    expect(((await a.get('/badges/1', PAGE))?.value as { html?: string } | undefined)?.html).toBe('first');
    await b.set('/badges/1', appPage('second', pageTags('1')), LIFETIME);
    expect(((await a.get('/badges/1', PAGE))?.value as { html?: string } | undefined)?.html).toBe('second');
  });

  it('drops an entry from Redis once its expire time has passed', async () => {
    const a = instance();
    await a.set('/short', appPage('short', []), { cacheControl: { revalidate: 1, expire: 1 } });
    expect(await a.get('/short', PAGE)).not.toBeNull();
    await sleep(1_200);
    expect(await a.get('/short', PAGE)).toBeNull();
  });

  it('keeps each build’s pages apart', async () => {
    await instance('build-1').set('/badges/1', appPage('old build', pageTags('1')), LIFETIME);
    expect(await instance('build-2').get('/badges/1', PAGE)).toBeNull();
  });
});

describe('revalidation', () => {
  it('invalidates a page on every instance when its path tag is revalidated on one', async () => {
    const a = instance();
    const b = instance();
    await b.set('/badges/1', appPage('public', pageTags('1')), LIFETIME);
    await b.set('/badges/2', appPage('other', pageTags('2')), LIFETIME);
    // revalidatePath('/badges/1') on instance A:
    await a.revalidateTag(['_N_T_/badges/1']);
    expect(await b.get('/badges/1', PAGE)).toBeNull();
    expect(await a.get('/badges/1', PAGE)).toBeNull();
    expect(await b.get('/badges/2', PAGE)).not.toBeNull();
  });

  it('treats a page stored just after the revalidation as rendered before it', async () => {
    const a = instance();
    const b = instance();
    await a.revalidateTag('_N_T_/badges/1');
    // A render that read the database before the change and finished after it.
    await b.set('/badges/1', appPage('old data', pageTags('1')), LIFETIME);
    expect(await b.get('/badges/1', PAGE)).toBeNull();
  });

  it('checks a fetch entry’s own tags and the soft tags it is asked with', async () => {
    const a = instance();
    const fetched = {
      kind: 'FETCH',
      data: { headers: {}, body: '{}', url: 'x', status: 200 },
      revalidate: 60,
    };
    await a.set('fetch-1', fetched, { fetchCache: true, tags: ['issuer:1'] });
    await a.set('fetch-2', fetched, { fetchCache: true, tags: [] });
    await instance().revalidateTag(['issuer:1', '_N_T_/skills/python']);
    expect(await a.get('fetch-1', { kind: 'FETCH' })).toBeNull();
    expect(await a.get('fetch-2', { kind: 'FETCH', softTags: ['_N_T_/skills/python'] })).toBeNull();
    expect(await a.get('fetch-2', { kind: 'FETCH', softTags: ['_N_T_/skills/sql'] })).not.toBeNull();
  });
});

describe('when Redis is down', () => {
  it('misses, drops writes and keeps quiet, without waiting', async () => {
    const store = instance('build-1', `redis://127.0.0.1:${await freePort()}`);
    const first = performance.now();
    expect(await store.get('/badges/1', PAGE)).toBeNull();
    // The first use waits for a connection at most COMMAND_TIMEOUT_MS.
    expect(performance.now() - first).toBeLessThan(600);
    const start = performance.now();
    for (let i = 0; i < 50; i++) {
      expect(await store.get('/badges/1', PAGE)).toBeNull();
      await store.set('/badges/1', appPage('x', pageTags('1')), LIFETIME);
      await store.revalidateTag('_N_T_/badges/1');
    }
    expect(performance.now() - start).toBeLessThan(100);
  });

  it('answers within a bound when Redis hangs, and writes the revalidation once it is back', async () => {
    const a = instance();
    const b = instance();
    await b.set('/badges/1', appPage('public', pageTags('1')), LIFETIME);
    expect(await a.get('/badges/1', PAGE)).not.toBeNull();
    redis.pause();
    try {
      const start = performance.now();
      await a.revalidateTag('_N_T_/badges/1');
      expect(await a.get('/badges/1', PAGE)).toBeNull();
      expect(performance.now() - start).toBeLessThan(1_000);
    } finally {
      redis.resume();
    }
    // No request on A is needed: its retry writes the tag within about DOWN_FOR_MS.
    await expect.poll(() => b.get('/badges/1', PAGE), { timeout: 5_000, interval: 100 }).toBeNull();
  });

  it('writes a revalidation made while Redis was unreachable once it is back, with no request needed', async () => {
    const link = await cuttableLink(redis.port);
    const a = instance('build-1', link.url);
    const b = instance();
    await b.set('/badges/1', appPage('public', pageTags('1')), LIFETIME);
    expect(await a.get('/badges/1', PAGE)).not.toBeNull();
    await link.cut();
    try {
      await a.revalidateTag('_N_T_/badges/1');
      await sleep(300);
      // B still has Redis and cannot know yet.
      expect(await b.get('/badges/1', PAGE)).not.toBeNull();
    } finally {
      await link.restore();
    }
    await expect.poll(() => b.get('/badges/1', PAGE), { timeout: 8_000, interval: 100 }).toBeNull();
    await link.cut();
  });

  it('writes a waiting revalidation at shutdown through flush, without waiting for the retry', async () => {
    const a = instance();
    const b = instance();
    await b.set('/badges/1', appPage('public', pageTags('1')), LIFETIME);
    expect(await a.get('/badges/1', PAGE)).not.toBeNull();
    redis.pause();
    try {
      await a.revalidateTag('_N_T_/badges/1'); // no answer in time: it waits, with a retry in a second
    } finally {
      redis.resume();
    }
    // Straight away, well before the retry: the connection never dropped, so flush writes it now.
    expect(await a.flush()).toBe(true);
    expect(await b.get('/badges/1', PAGE)).toBeNull();
  });

  it('closes at once while Redis hangs with a command unanswered', async () => {
    const store = new RedisCacheStore({ url: redis.url, buildId: 'build-1' });
    await store.set('/a', appPage('a', []), LIFETIME);
    redis.pause();
    try {
      expect(await store.get('/a', PAGE)).toBeNull(); // sent, timed out, its reply still awaited
      const start = performance.now();
      await store.close();
      expect(performance.now() - start).toBeLessThan(200);
    } finally {
      redis.resume();
    }
  });

  it('works again after Redis restarts', async () => {
    const port = await freePort();
    let own = await startRedisServer(port);
    const store = instance('build-1', own.url);
    try {
      await store.set('/a', appPage('a', []), LIFETIME);
      expect(await store.get('/a', PAGE)).not.toBeNull();
      await own.stop();
      expect(await store.get('/a', PAGE)).toBeNull();
      own = await startRedisServer(port);
      await expect
        .poll(
          async () => {
            await store.set('/a', appPage('again', []), LIFETIME);
            return ((await store.get('/a', PAGE))?.value as { html?: string } | undefined)?.html;
          },
          { timeout: 10_000, interval: 200 },
        )
        .toBe('again');
    } finally {
      await own.stop();
    }
  });
});

describe('the Next.js handler', () => {
  it('shares one store per process, scoped to the build in the dist directory', async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'laurel-dist-'));
    const previous = process.env.REDIS_URL;
    process.env.REDIS_URL = redis.url;
    try {
      writeFileSync(path.join(dist, 'BUILD_ID'), 'abc123\n');
      const first = new PageCacheHandler({ serverDistDir: path.join(dist, 'server') });
      const second = new PageCacheHandler({ serverDistDir: path.join(dist, 'server') });
      const store = first.store;
      if (!(store instanceof RedisCacheStore)) throw new Error('expected the Redis store');
      stores.push(store);
      expect(second.store).toBe(store);
      expect(store.entryPrefix).toBe('laurel:next:abc123:entry:');
      await first.set('/badges/1', appPage('shared', pageTags('1')), LIFETIME);
      expect(await second.get('/badges/1', PAGE)).not.toBeNull();
      await second.revalidateTag('_N_T_/badges/1');
      expect(await first.get('/badges/1', PAGE)).toBeNull();
    } finally {
      process.env.REDIS_URL = previous;
      delete (globalThis as Record<symbol, unknown>)[Symbol.for('laurel.cacheStore')];
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
