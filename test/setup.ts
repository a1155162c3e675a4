import { afterAll } from 'vitest';
import { closeDb } from '@/db/client';
import { assertLocalDatabase } from './local-database-guard';

process.env.PGLITE_PATH ??= 'memory://';
// A DATABASE_URL alone would mean production mode, which needs a mail provider and more.
process.env.LAUREL_MODE ??= 'demo';
if (process.env.DATABASE_URL) assertLocalDatabase(process.env.DATABASE_URL);

afterAll(async () => {
  await closeDb();
});
