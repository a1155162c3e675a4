import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import type { ActiveRelease } from '../release';
import { searchLaborMarket } from './search';
import { insertTestRelease } from './test-release';

let release: ActiveRelease;
beforeAll(async () => {
  release = await insertTestRelease(await getDb());
});

const search = async (query: string, limit?: number) =>
  searchLaborMarket(await getDb(), { releaseId: release.id, query, limit });

describe('searchLaborMarket', () => {
  it('suggests occupations, then skills, then job titles, each linking to its page', async () => {
    expect(await search('data')).toEqual([
      {
        kind: 'occupation',
        label: 'Database Administrators',
        detail: 'Occupation 15-1242.00',
        href: '/occupations/15-1242.00',
      },
      {
        kind: 'title',
        label: 'Database Administrator (DBA)',
        detail: 'Job title · Database Administrators',
        href: '/occupations/15-1242.00',
      },
      // Held in two occupations: one suggestion, leading to the full results.
      {
        kind: 'title',
        label: 'Data Analyst',
        detail: 'Job title in 2 occupations',
        href: '/explore?q=Data%20Analyst',
      },
    ]);
    expect((await search('python')).map((s) => [s.kind, s.label])).toEqual([['skill', 'Python']]);
  });

  it('lists every occupation of a title in the full results', async () => {
    const results = await searchLaborMarket(await getDb(), {
      releaseId: release.id,
      query: 'data analyst',
      isExpanded: true,
      perKind: 10,
      limit: 30,
    });
    expect(results.map((s) => [s.label, s.href])).toEqual([
      ['Data Analyst', '/occupations/15-2051.01'],
      ['Data Analyst', '/occupations/15-1299.08'],
    ]);
  });

  it('matches the start of any word, and aliases of skills', async () => {
    expect((await search('developers')).map((s) => s.label)).toEqual(['Software Developers']);
    expect((await search('AWS')).map((s) => s.href)).toEqual(['/skills/amazon-web-services-aws-software']);
    expect((await search('postg')).map((s) => s.href)).toEqual(['/skills/postgresql']);
    expect((await search('Pyth'))[0]).toEqual({
      kind: 'skill',
      label: 'Python',
      detail: 'Skill · hot technology',
      href: '/skills/python',
    });
  });

  it('finds occupations by code', async () => {
    expect((await search('15-12')).filter((s) => s.kind === 'occupation').map((s) => s.href)).toEqual([
      '/occupations/15-1242.00',
      '/occupations/15-1252.00',
      '/occupations/15-1299.01',
      '/occupations/15-1299.08',
    ]);
  });

  it('keeps to the limit while leaving room for every kind', async () => {
    const results = await search('s', 8);
    expect(results).toEqual([]);
    // "software" matches an occupation, a skill ("… AWS software") and a title held in two occupations.
    expect((await search('software', 3)).map((s) => [s.kind, s.label])).toEqual([
      ['occupation', 'Software Developers'],
      ['skill', 'Amazon Web Services AWS software'],
      ['title', 'Software Engineer'],
    ]);
    expect(await search('software', 8)).toHaveLength(3);
  });

  it('ignores punctuation-only and over-long queries', async () => {
    expect(await search('%_%')).toEqual([]);
    expect(await search("'; drop table lm_occupations; --")).toEqual([]);
    expect(await search('x'.repeat(10_000))).toEqual([]);
  });
});
