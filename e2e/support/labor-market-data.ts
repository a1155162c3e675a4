/**
 * Labor-market data for the e2e server: the O*NET/BLS fixture release, and the sample jobs feed
 * with its dates moved so that the postings open on the fixture's "today" (28 November 2026) are
 * open today, plus one on-site posting so the remote filter has something to leave out. The
 * shifted copy is written to the e2e data directory, never into the repository.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '@/db/client';
import { formatImportSummary, importJobFeed } from '@/lib/jobs/import-feed';
import { importLaborMarketRelease } from '@/lib/labor-market/import/import-release';

const FIXTURES = path.resolve(process.cwd(), '..', 'shared', 'fixtures', 'labor-market');
const FEED_TODAY = Date.UTC(2026, 10, 28);
const DAY = 86_400_000;

/** The posting the journey filters out: on-site, and mentioning the same skill as the remote one. */
const onSitePosting = {
  '@context': 'https://schema.org',
  '@type': 'JobPosting',
  identifier: { '@type': 'PropertyValue', name: 'Woodgrove Example Bank', value: 'BI-5' },
  title: 'Reporting Analyst',
  description: '<p>Build Tableau dashboards for branch performance.</p>',
  datePosted: '2026-11-24',
  validThrough: '2027-01-10',
  employmentType: 'FULL_TIME',
  hiringOrganization: {
    '@type': 'Organization',
    name: 'Woodgrove Example Bank',
    sameAs: 'https://woodgrove.example.com',
  },
  jobLocation: {
    '@type': 'Place',
    address: {
      '@type': 'PostalAddress',
      addressLocality: 'Chicago',
      addressRegion: 'IL',
      addressCountry: 'US',
    },
  },
  occupationalCategory: '15-2051.01',
  skills: ['Tableau', 'Microsoft Excel'],
  url: 'https://woodgrove.example.com/careers/BI-5',
};

/** Moves the date part of an ISO date or date-time by whole days, keeping its time and offset. */
export function shiftDate(value: string, days: number): string {
  return value.replace(/^\d{4}-\d{2}-\d{2}/, (date) =>
    new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10),
  );
}

export function shiftedFeed(now: Date): unknown[] {
  const days = Math.floor((now.getTime() - FEED_TODAY) / DAY);
  const feed = JSON.parse(readFileSync(path.join(FIXTURES, 'jobposting-feed.sample.json'), 'utf8')) as Record<
    string,
    unknown
  >[];
  return [...feed, onSitePosting].map((posting) => {
    const copy = { ...posting };
    for (const key of ['datePosted', 'validThrough'] as const) {
      if (typeof copy[key] === 'string') copy[key] = shiftDate(copy[key], days);
    }
    return copy;
  });
}

export async function loadLaborMarketData(db: Db, dataDir: string) {
  const started = Date.now();
  const release = await importLaborMarketRelease(db, { dir: FIXTURES });
  console.error(`prepare: labor-market release O*NET ${release.onetVersion} in ${Date.now() - started} ms`);
  const now = new Date();
  const file = path.join(dataDir, 'jobposting-feed.e2e.json');
  writeFileSync(file, JSON.stringify(shiftedFeed(now), null, 2));
  const summary = await importJobFeed(db, { text: readFileSync(file, 'utf8'), source: file, now });
  console.error(formatImportSummary(summary, file));
}
