import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Db, getDb } from '@/db/client';
import { resetConfig } from '@/lib/config';
import { log } from '@/lib/log';
import { closeRedis } from '@/lib/redis/client';
import { freePort } from '@/test/ports';
import { type RedisServer, startRedisServer } from '@/test/redis-server';
import { checkReadiness } from './readiness';

beforeAll(async () => {
  // Failing checks are logged on purpose here.
  vi.spyOn(log, 'warn').mockImplementation(() => {});
  // The server opens (and migrates) its database at start-up, before anyone asks if it is ready.
  await getDb();
});

describe('readiness', () => {
  it('is ready when the database answers, migrations are applied and Redis is not configured', async () => {
    const readiness = await checkReadiness({ redis: async () => ({ isConfigured: false }) });
    expect(readiness).toEqual({
      status: 'ready',
      checks: {
        database: { status: 'pass', detail: 'reachable' },
        migrations: { status: 'pass', detail: 'up to date' },
        redis: { status: 'skip', detail: 'REDIS_URL is not set' },
        process: { status: 'pass', detail: 'serving' },
      },
    });
  });

  it('names the database when nothing listens on its port, and says nothing of where it is', async () => {
    const port = await freePort();
    const client = postgres(`postgres://laurel:secret-password@127.0.0.1:${port}/laurel`, {
      connect_timeout: 1,
    });
    try {
      const readiness = await checkReadiness({
        db: async () => drizzle(client) as unknown as Db,
        redis: async () => ({ isConfigured: false }),
      });
      expect(readiness.status).toBe('not ready');
      expect(readiness.checks.database).toEqual({ status: 'fail', detail: 'not reachable' });
      expect(readiness.checks.migrations.status).toBe('fail');
      expect(readiness.checks.process.status).toBe('pass');
      expect(JSON.stringify(readiness)).not.toMatch(
        new RegExp(`${port}|127\\.0\\.0\\.1|secret-password|ECONN`),
      );
    } finally {
      await client.end({ timeout: 0 });
    }
  });

  it('gives up on a database that accepts connections but never answers, within the budget', async () => {
    const silent: Server = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const client = postgres(`postgres://laurel@127.0.0.1:${port}/laurel`, { connect_timeout: 30 });
    try {
      const started = Date.now();
      const readiness = await checkReadiness({
        db: async () => drizzle(client) as unknown as Db,
        redis: async () => ({ isConfigured: false }),
        timeoutMs: 300,
      });
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(readiness.checks.database).toEqual({ status: 'fail', detail: 'no answer in time' });
    } finally {
      client.end({ timeout: 0 }).catch(() => {});
      silent.close();
    }
  });

  it('is not ready while the database lacks a migration this code ships', async () => {
    const journal = path.join(mkdtempSync(path.join(tmpdir(), 'laurel-journal-')), '_journal.json');
    writeFileSync(
      journal,
      JSON.stringify({ entries: [{ idx: 0, when: Date.now() + 86_400_000, tag: '9999_next' }] }),
    );
    const readiness = await checkReadiness({
      journalPath: journal,
      redis: async () => ({ isConfigured: false }),
    });
    expect(readiness.status).toBe('not ready');
    expect(readiness.checks.database.status).toBe('pass');
    expect(readiness.checks.migrations).toEqual({ status: 'fail', detail: 'migrations not applied yet' });
  });

  it('is not ready while shutting down, and opens nothing to say so', async () => {
    const db = vi.fn();
    const readiness = await checkReadiness({ isStopping: () => true, db });
    expect(readiness.status).toBe('not ready');
    expect(readiness.checks.process).toEqual({ status: 'fail', detail: 'shutting down' });
    expect(db).not.toHaveBeenCalled();
  });
});

describe('readiness with REDIS_URL set', () => {
  let redis: RedisServer;
  let port = 0;
  const before = process.env.REDIS_URL;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedisServer(port);
    process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
    resetConfig();
    await closeRedis();
  });

  afterAll(async () => {
    await redis.stop();
    await closeRedis();
    if (before === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = before;
    resetConfig();
  });

  it('is ready while Redis answers, and names Redis once it is gone', async () => {
    expect((await checkReadiness()).checks.redis).toEqual({ status: 'pass', detail: 'reachable' });
    await redis.stop();
    const readiness = await checkReadiness();
    expect(readiness.status).toBe('degraded');
    expect(readiness.checks.redis).toEqual({ status: 'fail', detail: 'not reachable' });
    expect(readiness.checks.database.status).toBe('pass');
    expect(JSON.stringify(readiness)).not.toContain(String(port));
  });
});
