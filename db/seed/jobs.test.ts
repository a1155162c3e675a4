import { afterAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { isOpenAt } from '@/lib/jobs/active';
import { deleteTaggedPostings, storedPostings, uniqueTag } from '@/lib/jobs/test-support';
import { DEMO_JOB_POSTINGS } from './demo-jobs-feed';
import { seedJobs } from './jobs';

// The demo feed with its employers renamed, so other test files' postings are untouched.
const tag = uniqueTag();
const postings = DEMO_JOB_POSTINGS.map((posting) => {
  const org = posting.hiringOrganization as { name: string; sameAs: string };
  const sameAs = new URL(org.sameAs);
  sameAs.hostname = `${tag}-${sameAs.hostname}`;
  return { ...posting, hiringOrganization: { ...org, name: `${org.name} ${tag}`, sameAs: sameAs.origin } };
});

afterAll(async () => {
  await deleteTaggedPostings(await getDb(), tag);
});

describe('seeding the demo jobs feed', () => {
  it('loads its 9 open postings, again and again, and leaves the expired one out', async () => {
    const db = await getDb();
    const now = new Date('2026-11-28T12:00:00Z');
    const first = await seedJobs(db, { now, postings });
    const second = await seedJobs(db, { now, postings });

    expect(first).toMatchObject({ feed: 'the demo feed', created: 9, expired: 1, rejected: [] });
    expect(second).toMatchObject({ created: 0, updated: 9 });
    const stored = await storedPostings(db, tag);
    expect([...stored.keys()].sort()).toEqual([
      'BI-5',
      'CX-101',
      'CX-114',
      'DA-77',
      'DBA-3',
      'GD-8',
      'HD-4',
      'RN-ICU-3',
      'SEC-21',
    ]);
    // The script in the nurse posting's description is gone; the text around it stays.
    const nurse = stored.get('RN-ICU-3');
    expect(nurse?.description).not.toMatch(/script|strip me/);
    expect(nurse?.description).toContain('Sign-on bonus.');
    expect(stored.get('DA-77')).toMatchObject({ isRemote: true });
  });

  it('moves the dates forward when seeded later, so the demo still has open postings', async () => {
    const db = await getDb();
    const now = new Date('2027-06-01T12:00:00Z');
    await seedJobs(db, { now, postings });
    const stored = await storedPostings(db, tag);

    // 185 days after 2026-11-28: posted 2026-11-25 → 2027-05-29.
    expect(stored.get('CX-101')?.datePosted).toEqual(new Date('2027-05-29T00:00:00Z'));
    expect([...stored.values()].filter((posting) => isOpenAt(posting, now))).toHaveLength(9);
  });

  it('refuses a feed file that is not there, with a clear message', async () => {
    await expect(seedJobs(await getDb(), { feedPath: '/nonexistent/feed.json' })).rejects.toThrow(
      '/nonexistent/feed.json: no such file',
    );
  });
});
