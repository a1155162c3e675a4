import { afterAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { AppError } from '@/lib/errors';
import { importJobFeed } from './import-feed';
import { readFeedEntries } from './read-feed';
import { taggedSample } from './sample-feed.conformance-support';
import { deleteTaggedPostings, SAMPLE_NOW, storedPostings, uniqueTag } from './test-support';

const tags: string[] = [];
afterAll(async () => {
  const db = await getDb();
  for (const tag of tags) await deleteTaggedPostings(db, tag);
});

async function importText(text: (postings: ReturnType<typeof taggedSample>) => string) {
  const db = await getDb();
  const tag = uniqueTag();
  tags.push(tag);
  const summary = await importJobFeed(db, {
    text: text(taggedSample(tag)),
    source: 'test',
    now: SAMPLE_NOW,
    releaseId: null,
  });
  return { summary, stored: await storedPostings(db, tag) };
}

const OPEN_IDS = ['DA-77', 'DE-4410', 'PM-12', 'RN-ICU-3', 'SWE-1042'];

describe('feed formats', () => {
  it('reads JSON lines, one posting per line', async () => {
    const { summary, stored } = await importText((postings) =>
      postings.map((posting) => JSON.stringify(posting)).join('\n'),
    );
    expect(summary).toMatchObject({ created: 5, expired: 1, duplicates: 1 });
    expect([...stored.keys()].sort()).toEqual(OPEN_IDS);
  });

  it('reads a JSON-LD document with @graph', async () => {
    const { summary, stored } = await importText((postings) =>
      JSON.stringify({ '@context': 'https://schema.org', '@graph': postings }),
    );
    expect(summary).toMatchObject({ created: 5, expired: 1, duplicates: 1 });
    expect([...stored.keys()].sort()).toEqual(OPEN_IDS);
  });

  it('reads a single posting', async () => {
    const { summary, stored } = await importText((postings) => JSON.stringify(postings[6]));
    expect(summary.created).toBe(1);
    expect([...stored.keys()]).toEqual(['RN-ICU-3']);
  });

  it('reports a JSON line that does not parse and imports the other lines', async () => {
    const { summary, stored } = await importText((postings) =>
      [JSON.stringify(postings[1]), '{"@type": "JobPosting", "title": ', JSON.stringify(postings[7])].join(
        '\n',
      ),
    );
    expect(summary.rejected).toEqual([{ position: 2, identifier: null, reason: 'line 2 is not valid JSON' }]);
    expect([...stored.keys()].sort()).toEqual(['DA-77', 'PM-12']);
  });

  it('refuses text that is neither JSON nor JSON lines', () => {
    expect(() => readFeedEntries('<html><body>Jobs</body></html>')).toThrow(AppError);
    expect(() => readFeedEntries('   ')).toThrow('The feed is empty.');
  });
});

describe('rejected postings', () => {
  it('names the posting and the reason, and imports the rest', async () => {
    const { summary, stored } = await importText((postings) => {
      const nurse = postings[6] as Record<string, unknown>;
      return JSON.stringify([
        { ...nurse, '@type': 'Organization' },
        { ...nurse, url: 'javascript:alert(1)' },
        { ...nurse, identifier: undefined },
        { ...nurse, datePosted: '2026-02-30' },
        { ...nurse, title: '<b></b>' },
        { ...nurse, baseSalary: { currency: 'USD', value: { value: 'lots' } } },
        postings[1],
      ]);
    });

    expect(summary.rejected).toEqual([
      { position: 1, identifier: 'RN-ICU-3', reason: '@type must be JobPosting (found "Organization")' },
      { position: 2, identifier: 'RN-ICU-3', reason: 'url must be an http(s) URL' },
      { position: 3, identifier: null, reason: 'identifier is required' },
      { position: 4, identifier: 'RN-ICU-3', reason: 'datePosted is not a real date' },
      { position: 5, identifier: 'RN-ICU-3', reason: 'title has no text' },
      {
        position: 6,
        identifier: 'RN-ICU-3',
        reason: 'baseSalary[0].value must be a number or a QuantitativeValue',
      },
    ]);
    expect([...stored.keys()]).toEqual(['DA-77']);
  });
});
