import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { describeRejection, formatImportSummary, importJobFeed } from './import-feed';
import {
  deleteRelease,
  insertSampleRelease,
  type Posting,
  taggedSample,
} from './sample-feed.conformance-support';
import { deleteTaggedPostings, SAMPLE_NOW, storedPostings, uniqueTag } from './test-support';

let releaseId = '';
const tags: string[] = [];

beforeAll(async () => {
  releaseId = await insertSampleRelease(await getDb());
});

afterAll(async () => {
  const db = await getDb();
  for (const tag of tags) await deleteTaggedPostings(db, tag);
  await deleteRelease(db, releaseId);
});

/** A fresh copy of the sample (employers renamed) imported at 2026-11-28T12:00Z. */
async function importSample(
  options: { now?: Date; releaseId?: string | null; pick?: (postings: Posting[]) => unknown[] } = {},
) {
  const db = await getDb();
  const tag = uniqueTag();
  tags.push(tag);
  const postings = taggedSample(tag);
  const text = JSON.stringify(options.pick ? options.pick(postings) : postings);
  const summary = await importJobFeed(db, {
    text,
    source: 'sample.json',
    now: options.now ?? SAMPLE_NOW,
    releaseId: options.releaseId === undefined ? releaseId : options.releaseId,
  });
  return { db, tag, text, summary, stored: await storedPostings(db, tag) };
}

describe('importing the sample feed', () => {
  it('stores the 5 open postings, skips the expired one and reports the one without an employer', async () => {
    const { summary, stored } = await importSample();

    expect(summary).toMatchObject({
      created: 5,
      updated: 0,
      keptNewer: 0,
      expired: 1,
      removed: 0,
      duplicates: 1,
    });
    expect(summary.rejected).toEqual([
      { position: 5, identifier: 'NOORG-1', reason: 'hiringOrganization is required' },
    ]);
    expect(summary.rejected.map(describeRejection)).toEqual([
      'posting #5 (NOORG-1): hiringOrganization is required',
    ]);
    expect([...stored.keys()].sort()).toEqual(['DA-77', 'DE-4410', 'PM-12', 'RN-ICU-3', 'SWE-1042']);
    expect(formatImportSummary(summary, 'sample.json')).toContain(
      'Imported 5 postings from sample.json: 5 new, 0 updated.',
    );
  });

  it('keeps the later copy of a repeated posting whole: #4 replaces #1, skills and all', async () => {
    const { stored } = await importSample();
    const posting = stored.get('SWE-1042');

    expect(posting).toMatchObject({
      title: 'Senior Software Developer (Python / AWS)',
      salaryMin: 140_000,
      salaryMax: 185_000,
      salaryUnit: 'YEAR',
      skills: [],
      technologySlugs: [],
      locations: [{ locality: 'San Francisco', region: 'CA', country: 'US' }],
      datePosted: new Date('2026-11-25T00:00:00Z'),
    });
  });

  it('is idempotent: importing the same feed again changes nothing', async () => {
    const { db, tag, text, stored } = await importSample();
    const again = await importJobFeed(db, { text, source: 'sample.json', now: SAMPLE_NOW, releaseId });
    const after = await storedPostings(db, tag);

    expect(again).toMatchObject({ created: 0, updated: 5, expired: 1, duplicates: 1 });
    const withoutImportTime = (rows: typeof stored) =>
      [...rows.values()]
        .map(({ importedAt: _importedAt, ...row }) => row)
        .sort((a, b) => a.id.localeCompare(b.id));
    expect(withoutImportTime(after)).toEqual(withoutImportTime(stored));
  });

  it('never lets an older copy overwrite a newer one', async () => {
    const { db, tag, stored } = await importSample({ pick: (postings) => [postings[3]] });
    const first = taggedSample(tag)[0];
    const older = await importJobFeed(db, {
      text: JSON.stringify(first),
      source: 'old.json',
      now: SAMPLE_NOW,
      releaseId,
    });

    expect(older).toMatchObject({ created: 0, updated: 0, keptNewer: 1 });
    expect((await storedPostings(db, tag)).get('SWE-1042')).toEqual(stored.get('SWE-1042'));
    expect(formatImportSummary(older, 'old.json')).toContain('Kept 1 stored posting posted later');
  });

  it('stores text only: the script in #7 is gone and no tag survives anywhere', async () => {
    const { stored } = await importSample();

    expect(stored.get('RN-ICU-3')?.description).toBe('Critical care nursing.');
    expect(stored.get('DE-4410')?.description).toBe('Kubernetes, Terraform, Microsoft Azure.');
    for (const posting of stored.values()) {
      expect(`${posting.title} ${posting.employerName} ${posting.description}`).not.toMatch(/<|alert\(/);
    }
  });

  it('keeps salaries in their own currency and unit, and marks estimates', async () => {
    const { stored } = await importSample();

    expect(stored.get('DE-4410')).toMatchObject({
      salaryCurrency: 'EUR',
      salaryMin: 5500,
      salaryMax: 7000,
      salaryUnit: 'MONTH',
      salaryIsEstimate: false,
      country: 'DE',
      locations: [
        { locality: 'Berlin', country: 'DE' },
        { locality: 'München', country: 'DE' },
      ],
      employmentTypes: ['FULL_TIME', 'CONTRACTOR'],
    });
    expect(stored.get('DA-77')).toMatchObject({
      salaryCurrency: 'USD',
      salaryMin: 38.5,
      salaryMax: 38.5,
      salaryUnit: 'HOUR',
    });
    expect(stored.get('PM-12')).toMatchObject({
      salaryMin: 60_000,
      salaryMax: 150_000,
      salaryUnit: 'YEAR',
      salaryIsEstimate: true,
    });
  });

  it('detects the remote posting and its country, and reads every date in UTC', async () => {
    const { stored } = await importSample();

    expect(stored.get('DA-77')).toMatchObject({
      isRemote: true,
      country: 'US',
      locations: [],
      datePosted: new Date('2026-11-20T14:00:00Z'),
      validThrough: new Date('2027-01-15T05:00:00Z'),
    });
    expect(stored.get('RN-ICU-3')).toMatchObject({ isRemote: false, country: 'US' });
    // A date-only validThrough lasts to the end of that day.
    expect(stored.get('DE-4410')?.validThrough).toEqual(new Date('2026-12-15T23:59:59.999Z'));
    expect(stored.get('PM-12')?.validThrough).toBeNull();
  });
});

describe('occupations and technologies', () => {
  it('takes declared codes, and infers the others from the title and skills', async () => {
    const { stored } = await importSample();
    const codes = Object.fromEntries([...stored].map(([id, posting]) => [id, posting.occupationCode]));

    expect(codes).toEqual({
      'SWE-1042': '15-1252.00',
      'DA-77': '15-2051.00',
      // "Cloud Engineer" has 4 candidates; Kubernetes, Terraform and Azure pick this one.
      'DE-4410': '15-1299.08',
      // "Registered Nurse" via the alternate title "Registered Nurse (RN)", not Critical Care Nurses.
      'RN-ICU-3': '29-1141.00',
      'PM-12': '13-1082.00',
    });
  });

  it('resolves skills to technology slugs through names and aliases', async () => {
    const { stored } = await importSample();

    expect(stored.get('DA-77')).toMatchObject({
      skills: ['SQL', 'Tableau', 'Microsoft Excel'],
      technologySlugs: ['structured-query-language-sql', 'tableau', 'microsoft-excel'],
    });
    expect(stored.get('DE-4410')?.technologySlugs).toEqual([
      'kubernetes',
      'ibm-terraform',
      'microsoft-azure-software',
    ]);
    // "Project management" is a skill, not a technology: kept in skills, no slug.
    expect(stored.get('PM-12')).toMatchObject({
      skills: ['Project management', 'Microsoft Project', 'Atlassian JIRA'],
      technologySlugs: ['microsoft-project', 'atlassian-jira'],
    });
  });

  it('without a labor-market release keeps declared codes as given and infers nothing', async () => {
    const { stored } = await importSample({ releaseId: null });

    expect(stored.get('DA-77')).toMatchObject({ occupationCode: '15-2051.00', technologySlugs: [] });
    expect(stored.get('DE-4410')?.occupationCode).toBeNull();
    expect(stored.get('RN-ICU-3')?.occupationCode).toBeNull();
  });

  it('infers from the title when the declared code is not an occupation of the release', async () => {
    const { stored } = await importSample({
      pick: (postings) => [{ ...postings[6], occupationalCategory: '29-9999.99 Not An Occupation' }],
    });

    expect(stored.get('RN-ICU-3')?.occupationCode).toBe('29-1141.00');
  });
});

describe('expiry', () => {
  it('removes a stored posting on re-import once it has expired', async () => {
    const { db, tag, text } = await importSample();
    const later = await importJobFeed(db, {
      text,
      source: 'sample.json',
      now: new Date('2026-12-16T00:00:00Z'),
      releaseId,
    });
    const stored = await storedPostings(db, tag);

    // DE-4410 was valid through 2026-12-15.
    expect(later).toMatchObject({ expired: 2, removed: 1, updated: 4 });
    expect(stored.has('DE-4410')).toBe(false);
    expect([...stored.keys()].sort()).toEqual(['DA-77', 'PM-12', 'RN-ICU-3', 'SWE-1042']);
  });
});
