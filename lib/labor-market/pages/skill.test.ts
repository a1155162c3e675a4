import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import type { ActiveRelease } from '../release';
import { findSkillPage, resolveSkillSlug, technologyDisplayName } from './skill';
import { insertTestRelease } from './test-release';

let release: ActiveRelease;
beforeAll(async () => {
  release = await insertTestRelease(await getDb());
});

describe('resolveSkillSlug', () => {
  it('finds a canonical slug and redirects other spellings and aliases to it', async () => {
    const db = await getDb();
    const resolve = (slug: string) => resolveSkillSlug(db, { releaseId: release.id, slug });
    expect(await resolve('python')).toEqual({ status: 'found', slug: 'python', kind: 'technology' });
    expect(await resolve('Python')).toEqual({ status: 'redirect', slug: 'python' });
    expect(await resolve('aws')).toEqual({ status: 'redirect', slug: 'amazon-web-services-aws-software' });
    expect(await resolve('amazon-web-services')).toEqual({
      status: 'redirect',
      slug: 'amazon-web-services-aws-software',
    });
    expect(await resolve('postgres')).toEqual({ status: 'redirect', slug: 'postgresql' });
    expect(await resolve('C++')).toEqual({ status: 'redirect', slug: 'c-plus-plus' });
    // A misspelling of one technology goes to it; a job-title phrase is a topic page of its own.
    expect(await resolve('pyhton')).toEqual({ status: 'redirect', slug: 'python' });
    expect(await resolve('software-engineer')).toEqual({
      status: 'found',
      slug: 'software-engineer',
      kind: 'topic',
    });
    expect(await resolve('Software-Engineer')).toEqual({ status: 'redirect', slug: 'software-engineer' });
  });

  it('finds nothing for unknown, empty, punctuation-only or absurdly long slugs', async () => {
    const db = await getDb();
    for (const slug of ['cloud-security', '', '---', '%%', 'x'.repeat(500)]) {
      expect(await resolveSkillSlug(db, { releaseId: release.id, slug }), slug).toEqual({
        status: 'not_found',
      });
    }
  });
});

describe('findSkillPage', () => {
  it('lists the occupations using a skill, in-demand first, with their pay', async () => {
    const page = await findSkillPage(await getDb(), { release, slug: 'python' });
    expect(page).toMatchObject({ kind: 'technology', name: 'Python', isHot: true, occupationCount: 4 });
    expect(page?.occupations.map((o) => o.code)).toEqual([
      '15-1252.00', // in demand
      '15-1299.08', // then by employment: 448,110
      '15-2051.01', // 245,900
      '15-1242.00', // 69,990
    ]);
    expect(page?.occupations[0]?.pay).toEqual({
      year: 2025,
      unit: 'year',
      p10: { value: 82_460, isAtLeast: false },
      p25: { value: 104_000, isAtLeast: false },
      median: { value: 135_980, isAtLeast: false },
      p75: { value: 170_000, isAtLeast: false },
      p90: { value: 214_670, isAtLeast: false },
    });
  });

  it('suggests the featured titles of the top occupations once each, and a pay trend per occupation', async () => {
    const page = await findSkillPage(await getDb(), { release, slug: 'python' });
    expect(page?.titles.map((t) => t.title)).toEqual([
      'Application Developer',
      'Software Engineer',
      'Business Intelligence Developer',
      'Database Administrator (DBA)',
    ]);
    const developers = page?.trend.find((s) => s.oewsCode === '15-1252');
    expect(developers?.points.map((p) => [p.year, p.median?.value])).toEqual([
      [2022, 124_200],
      [2024, 133_080],
      [2025, 135_980],
    ]);
    // A "#" in 2024 is shown as "at least" the top code of that year.
    expect(developers?.points[1]?.p90).toEqual({ value: 239_200, isAtLeast: true });
    expect(page?.trend).toHaveLength(3);
  });

  it('names a technology as people say it, with O*NET’s name and category beside it', async () => {
    const page = await findSkillPage(await getDb(), { release, slug: 'amazon-web-services-aws-software' });
    expect(page).toMatchObject({
      name: 'AWS — Amazon Web Services',
      onetName: 'Amazon Web Services AWS software',
      category: 'Object or component oriented development software',
    });
    expect(technologyDisplayName('Tableau')).toBe('Tableau');
    expect(technologyDisplayName('Hypertext markup language HTML')).toBe('HTML — Hypertext markup language');
    expect(technologyDisplayName('Microsoft Azure software')).toBe('Microsoft Azure software');
  });

  it('returns null for a slug the release does not have', async () => {
    expect(await findSkillPage(await getDb(), { release, slug: 'aws' })).toBeNull();
  });
});
