import { afterAll } from 'vitest';
import { closeDb } from '@/db/client';
import { assertLocalDatabase } from './local-database-guard';

process.env.PGLITE_PATH ??= 'memory://';
if (process.env.DATABASE_URL) assertLocalDatabase(process.env.DATABASE_URL);

afterAll(async () => {
  await closeDb();
});
