import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '@/db/client';
import { type ImportedRelease, importLaborMarketRelease } from '@/lib/labor-market/import/import-release';

/** The O*NET/BLS fixture release, beside the repository (CI has `shared` beside the clone). */
export const LABOR_MARKET_FIXTURES = path.resolve('..', 'shared', 'fixtures', 'labor-market');

/**
 * Imports the fixture release as the active labor-market release when the directory exists, so
 * the demo shows related jobs and pay; without it nothing happens and the pages say that no data
 * has been imported. Like every import, it replaces the previous release (about 20 s).
 */
export async function seedLaborMarket(db: Db, dir = LABOR_MARKET_FIXTURES): Promise<ImportedRelease | null> {
  if (!existsSync(dir)) return null;
  return importLaborMarketRelease(db, { dir });
}
