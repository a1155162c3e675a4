import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { getConfig } from '@/lib/config';
import { installQueues, type QueueConnection } from '@/lib/queue/install';
import { pgliteDb } from '@/lib/queue/pglite-db';
import { lockDataDir } from './pglite-lock';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that runs queries: the database or an open transaction. */
export type Executor = Db | Tx;

type Listen = (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;
type Handle = {
  db: Db;
  close: () => Promise<void>;
  kind: 'postgres' | 'pglite';
  /** How the job queue reaches this database (lib/queue). */
  queue: QueueConnection;
  /** LISTEN on a channel (workers wake on NOTIFY); returns the unlisten. */
  listen: Listen;
};

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');
// Any constant works; it only has to be the same in every process that migrates.
const MIGRATION_LOCK_ID = 7_246_001;

/** Seconds before a pool connection tries again after `failures` failed attempts in a row. */
function reconnectDelaySeconds(failures: number): number {
  return Math.min(0.05 * 2 ** failures, 0.5) * (0.5 + Math.random() / 2);
}

async function openPostgres(url: string): Promise<Handle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  // drizzle's migrate() takes no lock; several app processes may start at once.
  const migrator = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrator`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    await migrate(drizzle(migrator), { migrationsFolder });
    await migrator`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
    await installQueues({ connectionString: url });
  } finally {
    await migrator.end();
  }
  // A connection attempt that hangs (a server restarting) gives up after 3 s rather than
  // postgres.js's 30, so requests fail fast during an outage and recover right after it.
  // postgres.js waits before reconnecting by a backoff shared by the whole pool and counted over
  // every failed attempt (3^n/100 s, up to 20 s): after a few seconds of outage each connection
  // would sit out up to 20 s once the server is back. Half a second at most keeps the promise
  // that the app recovers within 5 s (e2e/faults/postgres-restart.spec.ts).
  const client = postgres(url, {
    max: 10,
    connect_timeout: 3,
    backoff: reconnectDelaySeconds,
    onnotice: () => {},
  });
  const listen: Listen = async (channel, onPayload) => {
    const { unlisten } = await client.listen(channel, onPayload);
    return unlisten;
  };
  return {
    db: drizzle(client, { schema }) as unknown as Db,
    close: () => client.end({ timeout: 5 }),
    kind: 'postgres',
    queue: { connectionString: url },
    listen,
  };
}

async function openPglite(dataPath: string): Promise<Handle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const unlock = dataPath.startsWith('memory://') ? () => {} : lockDataDir(dataPath);
  const client = await PGlite.create(dataPath);
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  const queue = { db: pgliteDb(client) };
  await installQueues(queue);
  const close = async () => {
    await client.close();
    unlock();
  };
  const listen: Listen = async (channel, onPayload) => {
    const unlisten = await client.listen(channel, onPayload);
    return () => unlisten();
  };
  return { db: db as unknown as Db, close, kind: 'pglite', queue, listen };
}

function open(): Promise<Handle> {
  const config = getConfig();
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  return openPglite(process.env.PGLITE_PATH ?? path.join(config.dataDir, 'pglite'));
}

// One handle per process: dev reloads and PGlite's single-writer rule both need it.
const cache = globalThis as unknown as { laurelDb?: Promise<Handle> };

function handle(): Promise<Handle> {
  cache.laurelDb ??= open().catch((error: unknown) => {
    cache.laurelDb = undefined;
    throw error;
  });
  return cache.laurelDb;
}

/** The database, migrated to the latest schema on first use. */
export async function getDb(): Promise<Db> {
  return (await handle()).db;
}

/** What the job queue's worker needs: its connection and LISTEN (lib/queue/worker.ts). */
export async function getQueueAccess(): Promise<Pick<Handle, 'queue' | 'listen'>> {
  const { queue, listen } = await handle();
  return { queue, listen };
}

export async function getDbKind(): Promise<Handle['kind']> {
  return (await handle()).kind;
}

export async function closeDb(): Promise<void> {
  const pending = cache.laurelDb;
  cache.laurelDb = undefined;
  if (pending) await (await pending).close();
}

/** The rows of a raw `execute()`: postgres.js answers with the rows, PGlite with `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}
