import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import type { ActiveRelease } from '../release';
import { findOccupationPage, resolveOccupationCode } from './occupation';
import { insertTestRelease } from './test-release';

let release: ActiveRelease;
beforeAll(async () => {
  release = await insertTestRelease(await getDb());
});

describe('resolveOccupationCode', () => {
  it('finds full codes and sends a 6-digit SOC code to its occupation', async () => {
    const db = await getDb();
    const resolve = (code: string) => resolveOccupationCode(db, { releaseId: release.id, code });
    expect(await resolve('15-1252.00')).toEqual({ status: 'found', code: '15-1252.00' });
    expect(await resolve('15-1252')).toEqual({ status: 'redirect', code: '15-1252.00' });
    // No 15-1299.00 here: the first specialisation stands in.
    expect(await resolve('15-1299')).toEqual({ status: 'redirect', code: '15-1299.01' });
    for (const code of ['15-1252.99', '99-9999', 'software', '15-1252.00x', "15-1252'--"]) {
      expect(await resolve(code), code).toEqual({ status: 'not_found' });
    }
  });
});

describe('findOccupationPage', () => {
  it('shows the description, preparation, pay and its trend', async () => {
    const page = await findOccupationPage(await getDb(), { release, code: '15-1252.00' });
    expect(page).toMatchObject({
      title: 'Software Developers',
      jobZone: { zone: 4, name: 'Job Zone Four: Considerable Preparation Needed' },
      pay: { year: 2025, unit: 'year', median: { value: 135_980, isAtLeast: false } },
      payFrom: null,
      employment: 1_693_800,
    });
    expect(page?.trend[0]?.points.map((p) => p.year)).toEqual([2022, 2024, 2025]);
  });

  it('lists in-demand technologies first, related occupations by rank, titles and important ratings', async () => {
    const page = await findOccupationPage(await getDb(), { release, code: '15-1252.00' });
    expect(page?.technologies.map((t) => [t.name, t.isHot, t.isInDemand])).toEqual([
      ['PostgreSQL', true, true],
      ['Python', true, true],
      ['Amazon Web Services AWS software', true, false],
      ['C++', false, false],
    ]);
    expect(page?.related.map((r) => [r.code, r.pay?.median?.value])).toEqual([
      ['15-1242.00', 104_620],
      ['15-1299.08', 116_580],
    ]);
    expect(page?.titles).toEqual([
      'Application Developer',
      'Software Engineer',
      'Programmer Analyst',
      'Android Developer',
    ]);
    // Importance below 3 and "not relevant" ratings are left out.
    expect(page?.skills).toEqual([
      { name: 'Programming', importance: 4.5 },
      { name: 'Critical Thinking', importance: 3.88 },
    ]);
    expect(page?.knowledge).toEqual([{ name: 'Computers and Electronics', importance: 4.7 }]);
  });

  it('says where pay comes from for a specialisation, shows hourly-only pay, and copes with none', async () => {
    const db = await getDb();
    const architects = await findOccupationPage(db, { release, code: '15-1299.08' });
    expect(architects?.payFrom).toEqual({ oewsCode: '15-1299', title: 'Computer Occupations, All Other' });
    expect(architects?.jobZone).toBeNull();
    const actors = await findOccupationPage(db, { release, code: '27-2011.00' });
    expect(actors?.pay).toMatchObject({ unit: 'hour', median: { value: 29.05 }, p90: { value: 90.12 } });
    const web = await findOccupationPage(db, { release, code: '15-1299.01' });
    expect(web).toMatchObject({ pay: null, payFrom: null, trend: [], technologies: [], related: [] });
    expect(await findOccupationPage(db, { release, code: '15-1252' })).toBeNull();
  });
});
