/**
 * Writes the demo release (this folder's TypeScript data) in the CSV layout the labor-market
 * importer reads, so the seed and the tests import it with the real importer.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { releaseHeader } from '@/lib/labor-market/import/files';
import { DEMO_JOB_ZONES } from './job-zones';
import { COMPUTING_OCCUPATIONS } from './occupations-computing';
import { OTHER_OCCUPATIONS } from './occupations-other';
import { DEMO_RATINGS, KNOWLEDGE_ELEMENTS, SKILL_ELEMENTS } from './ratings';
import { DEMO_TECHNOLOGIES } from './technologies';
import type { DemoRating } from './types';
import { DEMO_WAGES, OEWS_TITLES } from './wages';

/** Every demo occupation, computing first. */
export const DEMO_OCCUPATIONS = [...COMPUTING_OCCUPATIONS, ...OTHER_OCCUPATIONS];

/** The line the importer reads the O*NET version from; says the release is Laurel's demo cut. */
export const DEMO_RELEASE_README =
  'Laurel demo release: a few dozen occupations with facts from the O*NET 29.3 Database and BLS OEWS May 2023–May 2025.\n';

const cell = (value: string | number) => {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
/** RFC 4180 CSV text, one line a row, LF line endings. */
export const toCsv = (rows: (string | number)[][]) =>
  `${rows.map((r) => r.map(cell).join(',')).join('\n')}\n`;

const yn = (flag: boolean) => (flag ? 'Y' : 'N');
const tier = (rank: number) => (rank <= 5 ? 'Primary-Short' : rank <= 10 ? 'Primary-Long' : 'Supplemental');

function ratingRows(
  code: string,
  elementId: string,
  name: string,
  [importance, level, ...flags]: DemoRating,
) {
  const isNotRelevant = flags.includes('not relevant');
  return [code, elementId, name, importance, level, yn(isNotRelevant), yn(flags.includes('low confidence'))];
}

const RATING_HEADER = releaseHeader('skills');
const WAGE_HEADER = releaseHeader('wages');

/** The release's files by name, as the importer expects them (see lib/labor-market/import/files.ts). */
export function demoReleaseFiles(): Map<string, string> {
  const occupations = DEMO_OCCUPATIONS;
  const ratings = Object.entries(DEMO_RATINGS);
  return new Map([
    ['README.md', DEMO_RELEASE_README],
    [
      'onet_job_zone_reference.csv',
      toCsv([['job_zone', 'name', 'experience', 'education', 'job_training', 'examples'], ...DEMO_JOB_ZONES]),
    ],
    [
      'onet_occupations.csv',
      toCsv([
        ['onet_soc_code', 'title', 'description', 'job_zone'],
        ...occupations.map((o) => [o.code, o.title, o.description, o.jobZone ?? '']),
      ]),
    ],
    [
      'onet_alternate_titles.csv',
      toCsv([
        ['onet_soc_code', 'alternate_title', 'short_title'],
        ...occupations.flatMap((o) =>
          o.alternateTitles.map((t) => (typeof t === 'string' ? [o.code, t, ''] : [o.code, ...t])),
        ),
      ]),
    ],
    [
      'onet_reported_titles.csv',
      toCsv([
        ['onet_soc_code', 'reported_job_title', 'shown_in_my_next_move'],
        ...occupations.flatMap((o) =>
          o.reportedTitles.map(([title, isShown]) => [o.code, title, yn(isShown)]),
        ),
      ]),
    ],
    [
      'onet_technology_skills.csv',
      toCsv([
        ['onet_soc_code', 'example', 'commodity_code', 'commodity_title', 'hot_technology', 'in_demand'],
        ...DEMO_TECHNOLOGIES.flatMap(([name, commodityCode, commodityTitle, isHot, codes]) =>
          codes.map((code) => {
            const isInDemand = code.endsWith('!');
            return [code.replace('!', ''), name, commodityCode, commodityTitle, yn(isHot), yn(isInDemand)];
          }),
        ),
      ]),
    ],
    [
      'onet_skills.csv',
      toCsv([
        RATING_HEADER,
        ...ratings.flatMap(([code, { skills }]) =>
          skills.map((rating, i) => {
            const [elementId, name] = SKILL_ELEMENTS[i] ?? ['', ''];
            return ratingRows(code, elementId, name, rating);
          }),
        ),
      ]),
    ],
    [
      'onet_knowledge.csv',
      toCsv([
        RATING_HEADER,
        ...ratings.flatMap(([code, { knowledge }]) =>
          knowledge.map(([elementId, ...rating]) =>
            ratingRows(code, elementId, KNOWLEDGE_ELEMENTS[elementId] ?? '', rating),
          ),
        ),
      ]),
    ],
    [
      'onet_related_occupations.csv',
      toCsv([
        ['onet_soc_code', 'related_onet_soc_code', 'relatedness_tier', 'related_index'],
        ...occupations.flatMap((o) => o.related.map(([code, rank]) => [o.code, code, tier(rank), rank])),
      ]),
    ],
    [
      'bls_oews_national_2023_2025.csv',
      toCsv([
        WAGE_HEADER,
        ...DEMO_WAGES.map(([year, code, group, ...figures]) => [
          year,
          code,
          OEWS_TITLES[code] ?? '',
          group,
          ...figures,
        ]),
      ]),
    ],
  ]);
}

/**
 * Writes the demo release into a new temporary directory, for the importer; `cleanup` removes it.
 * Nothing is written into the repository.
 */
export function writeDemoRelease(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'laurel-demo-release-'));
  for (const [name, content] of demoReleaseFiles()) writeFileSync(path.join(dir, name), content);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
