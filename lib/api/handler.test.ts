import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { apiRequestCounts } from '@/db/schema';
import { createApiKey } from '@/lib/api-keys/api-keys';
import { AppError } from '@/lib/errors';
import { makeIssuer } from '@/test/factories';
import { issuerRoute, parseQuery } from './handler';
import { countApiRequest, DEFAULT_RATE_LIMIT_PER_MINUTE, rateLimitPerMinute } from './rate-limit';

const saved = process.env.API_RATE_LIMIT_PER_MINUTE;
afterEach(() => {
  if (saved === undefined) delete process.env.API_RATE_LIMIT_PER_MINUTE;
  else process.env.API_RATE_LIMIT_PER_MINUTE = saved;
});

const route = issuerRoute(async ({ issuer }) => Response.json({ issuer: issuer.slug }));
const call = (key?: string) =>
  route(
    new Request('http://laurel.test/api/v1/x', { headers: key ? { Authorization: `Bearer ${key}` } : {} }),
    {
      params: Promise.resolve({}),
    },
  );

/** The counter is per calendar minute: keep a test's requests inside one. */
async function awayFromMinuteEnd() {
  const second = new Date().getUTCSeconds();
  if (second >= 50) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
}

describe('issuerRoute', () => {
  it('asks for a key with 401 and WWW-Authenticate', async () => {
    const response = await call();
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('limits each key per minute: 429 problem+json with Retry-After, other keys unaffected', async () => {
    const db = await getDb();
    const { issuer, apiKey } = await makeIssuer(db);
    const { key: otherKey } = await createApiKey(db, {
      actor: 'operator',
      issuerId: issuer.id,
      name: 'second',
    });
    process.env.API_RATE_LIMIT_PER_MINUTE = '3';
    await awayFromMinuteEnd();

    const allowed = [await call(apiKey), await call(apiKey), await call(apiKey)];
    expect(allowed.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(allowed.map((r) => r.headers.get('ratelimit-remaining'))).toEqual(['2', '1', '0']);
    expect(allowed[0]?.headers.get('ratelimit-limit')).toBe('3');

    const limited = await call(apiKey);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toBe('application/problem+json');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(Number(limited.headers.get('ratelimit-reset'))).toBe(retryAfter);
    expect(await limited.json()).toMatchObject({
      status: 429,
      title: 'Too many requests',
      detail: expect.stringContaining('more than 3 requests this minute'),
    });
    expect((await call(otherKey)).status).toBe(200);
  });

  it('maps AppErrors and hides unexpected errors behind a 500', async () => {
    const db = await getDb();
    const { apiKey } = await makeIssuer(db);
    const failing = (error: Error) =>
      issuerRoute(async () => {
        throw error;
      })(new Request('http://laurel.test/', { headers: { Authorization: `Bearer ${apiKey}` } }), {
        params: Promise.resolve({}),
      });
    const conflict = await failing(new AppError('conflict', 'Already done.'));
    expect(conflict.status).toBe(409);
    expect(conflict.headers.get('ratelimit-limit')).toBe(String(DEFAULT_RATE_LIMIT_PER_MINUTE));
    const crash = await failing(new Error('secret internals'));
    expect(crash.status).toBe(500);
    expect(await crash.text()).not.toContain('secret');
  });

  it('names bad query parameters as fields', () => {
    const schema = z.object({ limit: z.string().regex(/^\d+$/, 'must be a number') }).strict();
    expect(() => parseQuery(new Request('http://x/?limit=a&extra=1'), schema)).toThrow(
      expect.objectContaining({
        details: { fieldErrors: { limit: ['must be a number'], extra: ['is not a known property'] } },
      }),
    );
  });
});

describe('countApiRequest', () => {
  it('clears a key’s older windows when a new one starts', async () => {
    const db = await getDb();
    const { issuer } = await makeIssuer(db);
    const { id: keyId } = await createApiKey(db, { actor: 'operator', issuerId: issuer.id, name: 'old' });
    await db
      .insert(apiRequestCounts)
      .values({ keyId, windowStart: new Date('2026-01-01T00:00:00Z'), count: 9 });
    const state = await countApiRequest(db, { keyId, limit: 10 });
    expect(state).toMatchObject({ remaining: 9, isLimited: false });
    const rows = await db.select().from(apiRequestCounts).where(eq(apiRequestCounts.keyId, keyId));
    expect(rows.map((r) => r.count)).toEqual([1]);
  });

  it('reads the limit from API_RATE_LIMIT_PER_MINUTE and refuses nonsense', () => {
    expect(rateLimitPerMinute({})).toBe(600);
    expect(rateLimitPerMinute({ API_RATE_LIMIT_PER_MINUTE: ' 42 ' })).toBe(42);
    expect(() => rateLimitPerMinute({ API_RATE_LIMIT_PER_MINUTE: 'lots' })).toThrow(
      /API_RATE_LIMIT_PER_MINUTE/,
    );
    expect(() => rateLimitPerMinute({ API_RATE_LIMIT_PER_MINUTE: '0' })).toThrow(/API_RATE_LIMIT_PER_MINUTE/);
  });
});
