import { describe, expect, it } from 'vitest';
import { countryCode } from './countries';
import { parseFeedDate } from './feed-dates';
import { jobPostingSchema } from './feed-schema';
import { normalizePosting, type PostingDraft } from './normalize-posting';
import { titleKeys } from './resolve';

describe('parseFeedDate', () => {
  it('reads offsets, treats a missing offset as UTC, and a bare validThrough as the whole day', () => {
    expect(parseFeedDate('2026-11-20T09:00:00-05:00')).toEqual(new Date('2026-11-20T14:00:00Z'));
    expect(parseFeedDate('2026-11-20T09:00:00+0100')).toEqual(new Date('2026-11-20T08:00:00Z'));
    expect(parseFeedDate('2026-11-20T09:00')).toEqual(new Date('2026-11-20T09:00:00Z'));
    expect(parseFeedDate('2026-12-15')).toEqual(new Date('2026-12-15T00:00:00Z'));
    expect(parseFeedDate('2026-12-15', { endOfDay: true })).toEqual(new Date('2026-12-15T23:59:59.999Z'));
  });

  it('refuses dates that do not exist', () => {
    expect(parseFeedDate('2026-02-30')).toBeNull();
    expect(parseFeedDate('2026-11-20T25:00:00Z')).toBeNull();
    expect(parseFeedDate('next week')).toBeNull();
  });
});

describe('countryCode', () => {
  it('maps the usual spellings of the US and English country names to ISO codes', () => {
    expect(['USA', 'United States', 'U.S.', 'us'].map(countryCode)).toEqual(['US', 'US', 'US', 'US']);
    expect(['DE', 'Germany', 'France', 'UK'].map(countryCode)).toEqual(['DE', 'DE', 'FR', 'GB']);
    expect(['XX', 'Atlantis', 'EU'].map(countryCode)).toEqual([null, null, null]);
  });
});

describe('titleKeys', () => {
  it('looks titles up by their head, without seniority words first', () => {
    expect(titleKeys('Registered Nurse - ICU (Night Shift)')).toEqual(['registered nurse']);
    expect(titleKeys('Cloud Engineer (m/w/d)')).toEqual(['cloud engineer']);
    expect(titleKeys('Data Analyst (Remote, US)')).toEqual(['data analyst']);
    expect(titleKeys('Sr. Data Engineer II | Payments')).toEqual(['data engineer', 'sr data engineer ii']);
    expect(titleKeys('Staff Nurse, Nights')).toEqual(['nurse', 'staff nurse']);
  });
});

function draft(posting: Record<string, unknown>): PostingDraft {
  const base = {
    '@type': 'JobPosting',
    identifier: 'X-1',
    title: 'Nurse',
    datePosted: '2026-11-01',
    hiringOrganization: { name: 'Example Health', sameAs: 'https://www.health.example.com/about' },
  };
  const result = normalizePosting(jobPostingSchema.parse({ ...base, ...posting }));
  if ('reason' in result) throw new Error(result.reason);
  return result;
}

describe('normalizePosting', () => {
  it('keys the employer by its sameAs origin, else by its lower-cased name', () => {
    expect(draft({}).orgKey).toBe('https://www.health.example.com');
    expect(draft({ hiringOrganization: { name: ' Example  <b>Health</b> ' } })).toMatchObject({
      orgKey: 'example health',
      employerName: 'Example Health',
      employerUrl: null,
    });
  });

  it('takes identifier.value, never identifier.name', () => {
    expect(draft({ identifier: { '@type': 'PropertyValue', name: 'ATS', value: 42 } }).externalId).toBe('42');
  });

  it('takes the first code-like occupationalCategory and completes a SOC code', () => {
    expect(draft({ occupationalCategory: ['Nursing', '29-1141 Registered Nurses'] }).declaredOccupation).toBe(
      '29-1141.00',
    );
    expect(draft({ occupationalCategory: '29-11410' }).declaredOccupation).toBeNull();
  });

  it('reads salary amounts, distributions and numbers written as text', () => {
    expect(draft({ baseSalary: { currency: 'gbp', value: '30000', unitText: 'year' } }).salary).toEqual({
      currency: 'GBP',
      min: 30000,
      max: 30000,
      unit: 'YEAR',
      isEstimate: false,
    });
    expect(
      draft({ estimatedSalary: [{ currency: 'USD', duration: 'PT1H', percentile25: 20, percentile75: 30 }] })
        .salary,
    ).toEqual({ currency: 'USD', min: 20, max: 30, unit: 'HOUR', isEstimate: true });
    expect(draft({ baseSalary: { value: { value: 10 } } }).salary).toBeNull();
  });

  it('splits a skills string and drops repeats', () => {
    expect(draft({ skills: 'SQL, sql; Tableau,, ' }).skills).toEqual(['SQL', 'Tableau']);
  });
});
