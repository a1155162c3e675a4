import { existsSync } from 'node:fs';
import type { Db } from '@/db/client';
import { type ImportedRelease, importLaborMarketRelease } from '@/lib/labor-market/import/import-release';
import { demoFixture } from './fixtures';

/**
 * Imports the O*NET/BLS fixture release in LAUREL_FIXTURES as the active release when it is there, so
 * the demo shows related jobs and pay; without it nothing happens and the pages say that no data
 * has been imported. Like every import, it replaces the previous release (about 20 s).
 */
export async function seedLaborMarket(
  db: Db,
  dir = demoFixture('labor-market'),
): Promise<ImportedRelease | null> {
  if (!dir || !existsSync(dir)) return null;
  return importLaborMarketRelease(db, { dir });
}
