import { afterEach, describe, expect, it } from 'vitest';
import { resetConfig } from '@/lib/config';
import { freePort } from '@/test/ports';
import { startRedisServer } from '@/test/redis-server';
import { closeRedis, getRedis, redisReadiness } from './client';

const previous = process.env.REDIS_URL;
afterEach(async () => {
  await closeRedis();
  process.env.REDIS_URL = previous;
  resetConfig();
});

function setRedisUrl(url: string | undefined) {
  if (url) process.env.REDIS_URL = url;
  else delete process.env.REDIS_URL;
  resetConfig();
}

describe('the shared Redis client', () => {
  it('is absent without REDIS_URL', async () => {
    setRedisUrl(undefined);
    expect(await getRedis()).toBeNull();
    expect(await redisReadiness()).toEqual({ isConfigured: false });
  });

  it('does not hold up its callers while Redis is down, and says so', async () => {
    setRedisUrl(`redis://127.0.0.1:${await freePort()}`);
    const start = performance.now();
    const client = await getRedis();
    expect(performance.now() - start).toBeLessThan(1_500);
    expect(client?.isReady).toBe(false);
    expect(await redisReadiness()).toMatchObject({ isConfigured: true, isReachable: false });
  });

  it('answers once Redis is up', async () => {
    const redis = await startRedisServer(await freePort());
    try {
      setRedisUrl(redis.url);
      expect(await redisReadiness()).toMatchObject({ isConfigured: true, isReachable: true });
    } finally {
      await closeRedis();
      await redis.stop();
    }
  });
});
