import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, getDb } from '@/db/client';
import { DEMO_TEMPLATES } from '@/db/seed/demo-data';
import { importLaborMarketRelease } from './import/import-release';
import { lockLaborMarketTests, writeSmallRelease } from './import/test-support';
import { loadVocabulary } from './match/load-vocabulary';
import { resolveTag } from './match/resolve-tag';
import type { Vocabulary } from './match/vocabulary';
import { searchLaborMarket } from './pages/search';
import { resolveSkillSlug } from './pages/skill';
import { findTopicPage } from './pages/topic';
import { findRelatedOccupations } from './related';
import type { ActiveRelease } from './release';

// The demo release (db/seed/demo-release), imported once for the file.
let db: Db;
let unlock: () => Promise<void>;
let small: ReturnType<typeof writeSmallRelease>;
let vocabulary: Vocabulary;
let release: ActiveRelease;

beforeAll(async () => {
  unlock = await lockLaborMarketTests();
  db = await getDb();
  small = writeSmallRelease();
  const imported = await importLaborMarketRelease(db, { dir: small.dir });
  vocabulary = await loadVocabulary(db, imported.id);
  release = {
    id: imported.id,
    onetVersion: imported.onetVersion,
    wageYear: imported.wageYear,
    isDemo: false,
  };
}, 240_000);

afterAll(async () => {
  small?.cleanup();
  await unlock?.();
});

const INFOSEC = '15-1212.00';
const resolve = (tag: string) => resolveTag(vocabulary, tag);
const technologies = (tag: string) =>
  resolve(tag).matches.flatMap((m) => (m.kind === 'technology' ? [m.name] : []));
const codes = async (tags: string[], limit = 5) =>
  (await findRelatedOccupations(db, { tags, limit })).occupations.map((o) => o.code);

describe('tag-to-occupation mapping on the demo release', () => {
  it('resolves every tag of every demo badge to at least one occupation', async () => {
    for (const template of DEMO_TEMPLATES) {
      for (const tag of template.skills) {
        expect(await codes([tag], 1), `${template.name}: ${tag}`).toHaveLength(1);
      }
      const related = await findRelatedOccupations(db, { tags: [...template.skills], limit: 5 });
      expect(related.unmatchedTags, template.name).toEqual([]);
      expect(related.occupations, template.name).toHaveLength(5);
    }
  });

  it('finds information security occupations for IAM and Cloud Security', async () => {
    expect(await codes(['IAM'], 3)).toContain(INFOSEC);
    expect((await codes(['Cloud Security'], 1))[0]).toBe(INFOSEC);
    expect(technologies('IAM')).toEqual(['Access management software']);
    expect(resolve('Cloud Security').matches).toContainEqual(
      expect.objectContaining({ kind: 'title', code: INFOSEC, title: 'Cloud Security Engineer' }),
    );
    // The whole Cloud Security Essentials badge: the occupation all three tags describe comes first.
    const badge = await findRelatedOccupations(db, { tags: ['AWS', 'IAM', 'Cloud Security'], limit: 5 });
    expect(badge.occupations[0]).toMatchObject({
      code: INFOSEC,
      matchedTags: ['AWS', 'IAM', 'Cloud Security'],
    });
  });

  it('goes through synonyms: K8s, JS, YAML, spreadsheets', () => {
    expect(technologies('K8s')).toEqual(['Kubernetes']);
    expect(technologies('JS')).toEqual(['JavaScript']);
    expect(technologies('Spreadsheets')).toEqual(['Microsoft Excel']);
    expect(resolve('YAML')).toMatchObject({
      matches: [{ kind: 'technology', name: 'JavaScript Object Notation JSON', how: 'related' }],
    });
    expect(resolve('YAML').matches[0]?.confidence).toBeLessThan(1);
  });

  it('forgives case, punctuation, plurals and typos', () => {
    for (const tag of ['kubernetes', 'KUBERNETES', 'Kubernets', 'kubernetes.', ' Kubernetes! ']) {
      expect(technologies(tag), tag).toEqual(['Kubernetes']);
    }
    expect(technologies('Pyhton')).toEqual(['Python']);
    expect(technologies('Tablaeu')).toEqual(['Tableau']);
    expect(technologies('Node JS')).toEqual(['Node.js']);
    expect(technologies('Postgre SQL')).toEqual(['PostgreSQL']);
    expect(technologies('Dockers')).toEqual(['Docker']);
    expect(resolve('Pyhton').matches[0]).toMatchObject({ how: 'typo' });
    expect(
      resolve('Information Security Analyst').matches.map((m) => m.kind === 'title' && m.code),
    ).toContain(INFOSEC);
  });

  it('matches O*NET skills by how central they are to each occupation', async () => {
    expect(resolve('Programming').matches).toEqual([
      expect.objectContaining({ kind: 'element', name: 'Programming', confidence: 1 }),
    ]);
    // Computer Programmers rate Programming 4.75 of 5 (level 4.88 of 7), the highest in the release.
    expect((await codes(['Programming'], 1))[0]).toBe('15-1251.00');
  });

  it('resolves nonsense to nothing, and short or common words do not match loosely', async () => {
    for (const tag of [
      'Blorptastic Frobnication',
      'Underwater basket weaving',
      'Qzx',
      'Analyst',
      'Synergy',
    ]) {
      expect(resolve(tag).matches, tag).toEqual([]);
    }
    const result = await findRelatedOccupations(db, { tags: ['Blorptastic Frobnication'] });
    expect(result.occupations).toEqual([]);
    expect(result.unmatchedTags).toEqual(['Blorptastic Frobnication']);
  });

  it('gives every demo badge tag a skill page: a technology, or a topic saying what it matched', async () => {
    const slugOf = async (slug: string) => resolveSkillSlug(db, { releaseId: release.id, slug });
    for (const template of DEMO_TEMPLATES) {
      for (const tag of template.skills) {
        const slug = tag.toLowerCase().replace(/\s+/g, '-');
        expect((await slugOf(slug)).status, tag).not.toBe('not_found');
      }
    }
    expect(await slugOf('k8s')).toEqual({ status: 'redirect', slug: 'kubernetes' });
    expect(await slugOf('kubernets')).toEqual({ status: 'redirect', slug: 'kubernetes' });
    expect(await slugOf('iam')).toEqual({ status: 'found', slug: 'iam', kind: 'topic' });
    expect(await slugOf('blorptastic')).toEqual({ status: 'not_found' });

    const page = await findTopicPage(db, { release, slug: 'cloud-security' });
    expect(page).toMatchObject({ kind: 'topic', name: 'Cloud security', category: null });
    expect(page?.occupations[0]).toMatchObject({ code: INFOSEC, title: 'Information Security Analysts' });
    expect(page?.occupations[0]?.pay?.median?.value).toBeGreaterThan(0);
    expect(page?.titles[0]).toEqual({ title: 'Cloud Security Engineer', code: INFOSEC });
    const yaml = await findTopicPage(db, { release, slug: 'yaml' });
    expect(yaml?.matchedAs).toMatchObject({
      technologies: [{ name: 'JavaScript Object Notation JSON' }],
      relation: expect.stringContaining('superset of JSON'),
    });
  });

  it('suggests a known badge tag in search, leading to its skill page', async () => {
    const [first] = await searchLaborMarket(db, { releaseId: release.id, query: 'IAM' });
    expect(first).toEqual({
      kind: 'skill',
      label: 'Identity and access management (IAM)',
      detail: 'Skill · matched to occupations',
      href: '/skills/iam',
    });
    const k8s = await searchLaborMarket(db, { releaseId: release.id, query: 'k8s' });
    expect(k8s.filter((s) => s.href === '/skills/kubernetes')).toHaveLength(1);
  });
});
