import { assertLocalDatabase } from './local-database-guard';

/** Migrates PostgreSQL once before any test file runs; PGlite files migrate their own memory database. */
export default async function setup() {
  process.env.PGLITE_PATH ??= 'memory://';
  // A DATABASE_URL alone would mean production mode, which needs a mail provider and more.
  process.env.LAUREL_MODE ??= 'demo';
  if (!process.env.DATABASE_URL) return;
  assertLocalDatabase(process.env.DATABASE_URL);
  const { getDb, closeDb } = await import('../db/client');
  await getDb();
  await closeDb();
}
