import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { getConfig } from '@/lib/config';
import { lockDataDir } from './pglite-lock';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that runs queries: the database or an open transaction. */
export type Executor = Db | Tx;

type Handle = { db: Db; close: () => Promise<void>; kind: 'postgres' | 'pglite' };

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');
// Any constant works; it only has to be the same in every process that migrates.
const MIGRATION_LOCK_ID = 7_246_001;

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
  } finally {
    await migrator.end();
  }
  const client = postgres(url, { max: 10, onnotice: () => {} });
  return { db: drizzle(client, { schema }) as unknown as Db, close: () => client.end(), kind: 'postgres' };
}

async function openPglite(dataPath: string): Promise<Handle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const unlock = dataPath.startsWith('memory://') ? () => {} : lockDataDir(dataPath);
  const client = await PGlite.create(dataPath);
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  const close = async () => {
    await client.close();
    unlock();
  };
  return { db: db as unknown as Db, close, kind: 'pglite' };
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
