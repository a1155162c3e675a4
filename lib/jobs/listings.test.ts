import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { jobPostings } from '@/db/schema';
import { formatSalary, listActivePostings, topEmployers } from './listings';
import { deleteTaggedPostings, SAMPLE_NOW, uniqueTag } from './test-support';

// Codes and slugs of this file only, so postings other test files store never match.
const tag = uniqueTag();
const code = `test-${tag}`;
const tech = `tech-${tag}`;
const now = SAMPLE_NOW;

type Row = typeof jobPostings.$inferInsert;
const posting = (externalId: string, employer: string, fields: Partial<Row>): Row => ({
  orgKey: `${tag}-${employer.toLowerCase()}`,
  externalId,
  employerName: `${employer} ${tag}`,
  title: externalId,
  description: 'Text.',
  datePosted: new Date('2026-11-01T00:00:00Z'),
  occupationCode: code,
  source: 'listings test',
  ...fields,
});

beforeAll(async () => {
  await (await getDb()).insert(jobPostings).values([
    posting('Software Developer', 'Acme', {
      datePosted: new Date('2026-11-25T00:00:00Z'),
      validThrough: new Date('2027-01-31T23:59:59Z'),
      technologySlugs: [tech],
      country: 'US',
      locations: [{ locality: 'San Francisco', region: 'CA', country: 'US' }],
      salaryCurrency: 'USD',
      salaryMin: 140_000,
      salaryMax: 185_000,
      salaryUnit: 'YEAR',
      url: 'https://jobs.acme.example.com/SWE-1042',
    }),
    posting('Data Analyst', 'Acme', {
      datePosted: new Date('2026-11-20T14:00:00Z'),
      validThrough: new Date('2027-01-15T05:00:00Z'),
      isRemote: true,
      country: 'US',
      salaryCurrency: 'USD',
      salaryMin: 38.5,
      salaryMax: 38.5,
      salaryUnit: 'HOUR',
    }),
    posting('Cloud Engineer', 'Contoso', {
      datePosted: new Date('2026-11-15T00:00:00Z'),
      validThrough: new Date('2026-12-15T23:59:59.999Z'),
      technologySlugs: [tech, 'kubernetes'],
      country: 'DE',
      locations: [
        { locality: 'Berlin', country: 'DE' },
        { locality: 'München', country: 'DE' },
      ],
      salaryCurrency: 'EUR',
      salaryMin: 5500,
      salaryMax: 7000,
      salaryUnit: 'MONTH',
    }),
    posting('Project Management Specialist', 'Northwind', {
      datePosted: new Date('2026-11-21T00:00:00Z'),
      salaryCurrency: 'USD',
      salaryMin: 60_000,
      salaryMax: 150_000,
      salaryUnit: 'YEAR',
      salaryIsEstimate: true,
    }),
    posting('Expired Web Developer', 'Fabrikam', {
      validThrough: new Date('2026-10-01T00:00:00Z'),
      technologySlugs: [tech],
    }),
    posting('Stale Undated Posting', 'Fabrikam', { datePosted: new Date('2026-08-01T00:00:00Z') }),
    posting('Other Occupation', 'Fabrikam', { occupationCode: `${code}-other`, technologySlugs: [tech] }),
  ]);
});

afterAll(async () => deleteTaggedPostings(await getDb(), tag));

const titles = (rows: { title: string }[]) => rows.map((row) => row.title);

describe('listActivePostings', () => {
  it('lists open postings of the occupations, newest first, ready to display', async () => {
    const rows = await listActivePostings(await getDb(), { occupationCodes: [code], now });

    expect(titles(rows)).toEqual([
      'Software Developer',
      'Project Management Specialist',
      'Data Analyst',
      'Cloud Engineer',
    ]);
    expect(rows.map((r) => [r.employerName, r.locationText, r.salaryText])).toEqual([
      [`Acme ${tag}`, 'San Francisco, CA, US', '$140,000–$185,000 per year'],
      [`Northwind ${tag}`, '', '$60,000–$150,000 per year (estimated)'],
      [`Acme ${tag}`, 'Remote (US)', '$38.50 per hour'],
      [`Contoso ${tag}`, 'Berlin, DE · München, DE', '€5,500–€7,000 per month'],
    ]);
    expect(rows[0]).toMatchObject({
      isRemote: false,
      url: 'https://jobs.acme.example.com/SWE-1042',
      datePosted: new Date('2026-11-25T00:00:00Z'),
      salary: { currency: 'USD', min: 140_000, max: 185_000, unit: 'YEAR', isEstimate: false },
    });
  });

  it('filters by technology, remote, country and place', async () => {
    const db = await getDb();
    const base = { occupationCodes: [code], now };

    expect(titles(await listActivePostings(db, { technologySlug: tech, now }))).toEqual([
      'Software Developer',
      'Cloud Engineer',
      'Other Occupation',
    ]);
    expect(titles(await listActivePostings(db, { ...base, remoteOnly: true }))).toEqual(['Data Analyst']);
    expect(titles(await listActivePostings(db, { ...base, country: 'de' }))).toEqual(['Cloud Engineer']);
    expect(titles(await listActivePostings(db, { ...base, location: 'münchen' }))).toEqual([
      'Cloud Engineer',
    ]);
    expect(titles(await listActivePostings(db, { ...base, location: 'CA' }))).toEqual(['Software Developer']);
    expect(await listActivePostings(db, { occupationCodes: [], now })).toEqual([]);
    expect(titles(await listActivePostings(db, { ...base, limit: 1 }))).toEqual(['Software Developer']);
  });

  it('drops a posting after its last valid day', async () => {
    const rows = await listActivePostings(await getDb(), {
      occupationCodes: [code],
      now: new Date('2026-12-16T00:00:00Z'),
    });
    expect(titles(rows)).not.toContain('Cloud Engineer');
  });
});

describe('topEmployers', () => {
  it('counts open postings per employer, most first', async () => {
    expect(await topEmployers(await getDb(), { occupationCodes: [code], now })).toEqual([
      { employerName: `Acme ${tag}`, openings: 2 },
      { employerName: `Contoso ${tag}`, openings: 1 },
      { employerName: `Northwind ${tag}`, openings: 1 },
    ]);
  });
});

describe('formatSalary', () => {
  it('writes open-ended ranges and keeps the currency', () => {
    const salary = { currency: 'EUR', unit: null, isEstimate: false };
    expect(formatSalary({ ...salary, min: 50_000, max: null })).toBe('from €50,000');
    expect(formatSalary({ ...salary, min: null, max: 70_000 })).toBe('up to €70,000');
  });
});
