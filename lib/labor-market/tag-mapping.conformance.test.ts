import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, getDb } from '@/db/client';
import { DEMO_TEMPLATES } from '@/db/seed/demo-data';
import { publicFixture } from '@/test/conformance/public-fixtures';
import { importLaborMarketRelease } from './import/import-release';
import { lockLaborMarketTests } from './import/test-support';
import { findRelatedOccupations } from './related';

// The full O*NET 29.3 release in LAUREL_FIXTURES: tag matching at full size (65,000 job titles,
// 8,000 technologies), where common words and loose matches have the most to go wrong with.
let db: Db;
let unlock: () => Promise<void>;

beforeAll(async () => {
  unlock = await lockLaborMarketTests();
  db = await getDb();
  await importLaborMarketRelease(db, { dir: publicFixture('labor-market') });
}, 240_000);

afterAll(async () => {
  await unlock?.();
});

const INFOSEC = ['15-1212.00', '15-1299.05'];

describe('tag-to-occupation mapping on the full release', () => {
  it('resolves every tag of every demo badge', async () => {
    for (const template of DEMO_TEMPLATES) {
      const related = await findRelatedOccupations(db, { tags: [...template.skills], limit: 5 });
      expect(related.unmatchedTags, template.name).toEqual([]);
      expect(related.occupations, template.name).toHaveLength(5);
    }
  });

  it('puts information security first for the cloud security badge, not Sales Engineers', async () => {
    const started = Date.now();
    const related = await findRelatedOccupations(db, { tags: ['AWS', 'IAM', 'Cloud Security'], limit: 5 });
    // The first call builds the release's vocabulary; it must stay quick enough for a page view.
    expect(Date.now() - started).toBeLessThan(10_000);
    const codes = related.occupations.map((o) => o.code);
    expect(INFOSEC).toContain(codes[0]);
    expect(codes).toEqual(expect.arrayContaining(INFOSEC));
    expect(codes).not.toContain('41-9031.00');
  });

  it('matches nothing for nonsense, and one common word is not a job title', async () => {
    const related = await findRelatedOccupations(db, {
      tags: ['Blorptastic Frobnication', 'Security', 'Manager', 'Qzx'],
    });
    expect(related.unmatchedTags).toEqual(['Blorptastic Frobnication', 'Security', 'Manager', 'Qzx']);
  });

  it('answers a repeated lookup quickly once the vocabulary is built', async () => {
    const tags = ['Python', 'Kubernets', 'Cloud Security', 'Project management'];
    await findRelatedOccupations(db, { tags, limit: 5 });
    const started = performance.now();
    for (let i = 0; i < 20; i += 1) await findRelatedOccupations(db, { tags, limit: 5 });
    expect((performance.now() - started) / 20).toBeLessThan(250);
  });
});
