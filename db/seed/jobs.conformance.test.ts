import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { isOpenAt } from '@/lib/jobs/active';
import { taggedSample } from '@/lib/jobs/sample-feed.conformance-support';
import { deleteTaggedPostings, storedPostings, uniqueTag } from '@/lib/jobs/test-support';
import { seedJobs } from './jobs';

// The sample feed with its employers renamed, so other test files' copies of the sample are untouched.
const tag = uniqueTag();
const dir = mkdtempSync(path.join(tmpdir(), 'laurel-seed-jobs-'));
const feedPath = path.join(dir, 'feed.json');
writeFileSync(feedPath, JSON.stringify(taggedSample(tag)));

afterAll(async () => {
  await deleteTaggedPostings(await getDb(), tag);
  rmSync(dir, { recursive: true, force: true });
});

describe('seeding job postings', () => {
  it('loads the sample feed: its 5 open postings, again and again', async () => {
    const db = await getDb();
    const now = new Date('2026-11-28T12:00:00Z');
    const first = await seedJobs(db, { now, feedPath });
    const second = await seedJobs(db, { now, feedPath });

    expect(first).toMatchObject({
      feed: 'feed.json',
      created: 5,
      expired: 1,
      duplicates: 1,
      rejected: [{ position: 5 }],
    });
    expect(second).toMatchObject({ created: 0, updated: 5 });
    expect([...(await storedPostings(db, tag)).keys()].sort()).toEqual([
      'DA-77',
      'DE-4410',
      'PM-12',
      'RN-ICU-3',
      'SWE-1042',
    ]);
  });

  it('moves the dates forward when seeded later, so the demo still has open postings', async () => {
    const db = await getDb();
    const now = new Date('2027-06-01T12:00:00Z');
    await seedJobs(db, { now, feedPath });
    const stored = await storedPostings(db, tag);

    // 185 days after 2026-11-28: posted 2026-11-25 → 2027-05-29.
    expect(stored.get('SWE-1042')?.datePosted).toEqual(new Date('2027-05-29T00:00:00Z'));
    expect([...stored.values()].filter((posting) => isOpenAt(posting, now))).toHaveLength(5);
  });

  it('refuses a feed file that is not there, with a clear message', async () => {
    const missing = path.join(dir, 'missing.json');
    await expect(seedJobs(await getDb(), { feedPath: missing })).rejects.toThrow(`${missing}: no such file`);
  });
});
