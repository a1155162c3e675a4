import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { jobPostings } from '@/db/schema';
import { occupationListings, skillListings } from './listing-scopes';
import { deleteTaggedPostings, uniqueTag } from './test-support';

// SOC major group 98 does not exist, and this instant is after every other test file's postings.
const tag = uniqueTag();
const now = new Date('2032-03-01T00:00:00Z');
const posting = (title: string, occupationCode: string, technologySlugs: string[] = []) => ({
  orgKey: `${tag}-scopes`,
  externalId: title,
  employerName: `Scopes ${tag}`,
  title,
  description: 'Text.',
  datePosted: new Date('2032-02-20T00:00:00Z'),
  occupationCode,
  technologySlugs,
  url: `https://jobs.example.com/${title}`,
  source: 'listing scopes test',
});

beforeAll(async () => {
  await (await getDb())
    .insert(jobPostings)
    .values([posting('Analyst', '98-1111.00'), posting('Planner', '98-2222.00', [`tech-${tag}`])]);
});
afterAll(async () => deleteTaggedPostings(await getDb(), tag));

const titles = (answer: { listings: { title: string }[] }) => answer.listings.map((l) => l.title).sort();

describe('occupationListings', () => {
  it("shows the occupation's own listings, else its SOC minor group's, else its major group's", async () => {
    const db = await getDb();
    const own = await occupationListings(db, { code: '98-1111.00', now });
    expect([own.scope, titles(own)]).toEqual(['exact', ['Analyst']]);
    const group = await occupationListings(db, { code: '98-1999.00', now });
    expect([group.scope, titles(group)]).toEqual(['group', ['Analyst']]);
    const family = await occupationListings(db, { code: '98-3333.00', now });
    expect([family.scope, titles(family)]).toEqual(['family', ['Analyst', 'Planner']]);
    expect((await occupationListings(db, { code: '97-1111.00', now })).listings).toEqual([]);
  });
});

describe('skillListings', () => {
  it('shows listings naming the technology, else those in the occupations using it, else their groups', async () => {
    const db = await getDb();
    const named = await skillListings(db, { technologySlug: `tech-${tag}`, occupationCodes: [], now });
    expect([named.scope, titles(named)]).toEqual(['exact', ['Planner']]);
    const unnamed = await skillListings(db, {
      technologySlug: `other-${tag}`,
      occupationCodes: ['98-1111.00'],
      now,
    });
    expect([unnamed.scope, titles(unnamed)]).toEqual(['occupations', ['Analyst']]);
    const topic = await skillListings(db, { technologySlug: null, occupationCodes: ['98-2999.00'], now });
    expect([topic.scope, titles(topic)]).toEqual(['group', ['Planner']]);
  });
});
