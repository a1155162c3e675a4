import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { lockLaborMarketTests, writeSmallRelease } from '@/lib/labor-market/import/test-support';
import { getActiveRelease } from '@/lib/labor-market/release';
import { seedLaborMarket } from './labor-market';

let unlock: () => Promise<void>;
let small: ReturnType<typeof writeSmallRelease> | undefined;

beforeAll(async () => {
  unlock = await lockLaborMarketTests();
}, 240_000);

afterAll(async () => {
  small?.cleanup();
  await unlock?.();
});

describe('the labor-market seed', () => {
  it('does nothing when the fixture directory is absent', async () => {
    const db = await getDb();
    const before = await getActiveRelease(db);
    expect(await seedLaborMarket(db, path.join('/nonexistent', 'labor-market'))).toBeNull();
    expect(await getActiveRelease(db)).toEqual(before);
  });

  it('imports the directory as the active release when it is there', async () => {
    const db = await getDb();
    small = writeSmallRelease();
    const release = await seedLaborMarket(db, small.dir);
    expect(release).not.toBeNull();
    expect(await getActiveRelease(db)).toEqual({ id: release?.id, onetVersion: '29.3', wageYear: 2025 });
  });
});
