/**
 * A small labor-market release for the page-query tests: a few real-looking occupations,
 * technologies, titles, ratings and wages (figures from the OEWS fixture where they exist).
 * Stored as `retired` so it never competes with a release another test file made active.
 */
import type { Executor } from '@/db/client';
import {
  laborMarketReleases,
  lmJobZones,
  lmOccupationRatings,
  lmOccupations,
  lmOccupationTechnologies,
  lmOccupationTitles,
  lmRelatedOccupations,
  lmTechnologies,
  lmTechnologyAliases,
  lmWageLinks,
  lmWages,
} from '@/db/schema';
import { normalizeTerm, slugify } from '../normalize';
import type { ActiveRelease } from '../release';

const occupations = [
  ['15-1252.00', 'Software Developers', 4],
  ['15-1242.00', 'Database Administrators', 4],
  ['15-2051.01', 'Business Intelligence Analysts', 4],
  ['15-1299.08', 'Computer Systems Engineers/Architects', null],
  ['15-1299.01', 'Web Administrators', null],
  ['27-2011.00', 'Actors', 2],
] as const;

const technologies = [
  ['Python', true],
  ['PostgreSQL', true],
  ['Amazon Web Services AWS software', true],
  ['Tableau', true],
  ['C++', false],
] as const;

// [occupation, technology, in demand]
const links = [
  ['15-1252.00', 'Python', true],
  ['15-1252.00', 'PostgreSQL', true],
  ['15-1252.00', 'Amazon Web Services AWS software', false],
  ['15-1252.00', 'C++', false],
  ['15-1242.00', 'PostgreSQL', true],
  ['15-1242.00', 'Python', false],
  ['15-2051.01', 'Python', false],
  ['15-2051.01', 'Tableau', true],
  ['15-1299.08', 'Amazon Web Services AWS software', true],
  ['15-1299.08', 'Python', false],
] as const;

type Wage = Partial<typeof lmWages.$inferInsert> & { year: number; occCode: string };
const wages: Wage[] = [
  {
    year: 2025,
    occCode: '15-1252',
    occTitle: 'Software Developers',
    employment: 1_693_800,
    annualP10: 82_460,
    annualP25: 104_000,
    annualMedian: 135_980,
    annualP75: 170_000,
    annualP90: 214_670,
    hourlyMedian: 65.37,
  },
  {
    year: 2024,
    occCode: '15-1252',
    occTitle: 'Software Developers',
    employment: 1_654_440,
    annualP10: 79_850,
    annualMedian: 133_080,
    annualP90: null,
    topcoded: ['annual_p90'],
  },
  {
    year: 2022,
    occCode: '15-1252',
    occTitle: 'Software Developers',
    employment: 1_534_790,
    annualP10: 71_450,
    annualMedian: 124_200,
    annualP90: 198_100,
  },
  {
    year: 2025,
    occCode: '15-1242',
    occTitle: 'Database Administrators',
    employment: 69_990,
    annualP10: 60_230,
    annualMedian: 104_620,
    annualP90: 163_320,
  },
  {
    year: 2025,
    occCode: '15-2051',
    occTitle: 'Data Scientists',
    employment: 245_900,
    annualP10: 67_240,
    annualMedian: 120_230,
    annualP90: 199_130,
  },
  {
    year: 2025,
    occCode: '15-1299',
    occTitle: 'Computer Occupations, All Other',
    employment: 448_110,
    annualP10: 60_000,
    annualMedian: 116_580,
    annualP90: 180_000,
  },
  {
    year: 2025,
    occCode: '27-2011',
    occTitle: 'Actors',
    employment: 60_000,
    hourlyP10: 14.5,
    hourlyMedian: 29.05,
    hourlyP90: 90.12,
  },
];

const wageLinks = [
  ['15-1252.00', '15-1252', 'exact'],
  ['15-1242.00', '15-1242', 'exact'],
  ['15-2051.01', '15-2051', 'exact'],
  ['15-1299.08', '15-1299', 'exact'],
  ['15-1299.01', null, 'none'],
  ['27-2011.00', '27-2011', 'exact'],
] as const;

export async function insertTestRelease(db: Executor): Promise<ActiveRelease> {
  const [release] = await db
    .insert(laborMarketReleases)
    .values({ status: 'retired', onetVersion: '29.3', wageYear: 2025, source: 'test-release' })
    .returning();
  if (!release) throw new Error('no release');
  const releaseId = release.id;
  await db.insert(lmOccupations).values(
    occupations.map(([code, title, jobZone]) => ({
      releaseId,
      code,
      socCode: code.slice(0, 7),
      title,
      description: `${title} do the work of ${title.toLowerCase()}.`,
      jobZone,
    })),
  );
  await db.insert(lmJobZones).values(
    [2, 4].map((zone) => ({
      releaseId,
      zone,
      name:
        zone === 4
          ? 'Job Zone Four: Considerable Preparation Needed'
          : 'Job Zone Two: Some Preparation Needed',
      experience: 'A considerable amount of work-related skill, knowledge, or experience is needed.',
      education: "Most of these occupations require a four-year bachelor's degree, but some do not.",
      jobTraining: 'Employees in these occupations usually need several years of work-related experience.',
      examples: 'Many of these occupations involve coordinating, supervising, managing, or training others.',
    })),
  );
  await db.insert(lmTechnologies).values(
    technologies.map(([name, isHot]) => ({
      releaseId,
      slug: slugify(name),
      name,
      nameNorm: normalizeTerm(name),
      isHot,
    })),
  );
  await db.insert(lmOccupationTechnologies).values(
    links.map(([code, name, isInDemand]) => ({
      releaseId,
      code,
      technologySlug: slugify(name),
      commodityCode: '43232405',
      commodityTitle: 'Object or component oriented development software',
      isInDemand,
    })),
  );
  await db.insert(lmTechnologyAliases).values(
    [
      ['aws', 'Amazon Web Services AWS software'],
      ['amazon web services', 'Amazon Web Services AWS software'],
      ['postgres', 'PostgreSQL'],
    ].map(([alias, name]) => ({
      releaseId,
      aliasNorm: alias as string,
      technologySlug: slugify(name as string),
    })),
  );
  const titles: [string, 'alternate' | 'short' | 'reported', string, boolean][] = [
    ['15-1252.00', 'reported', 'Software Engineer', true],
    ['15-1252.00', 'reported', 'Application Developer', true],
    ['15-1252.00', 'reported', 'Programmer Analyst', false],
    ['15-1252.00', 'alternate', 'Android Developer', false],
    ['15-1242.00', 'reported', 'Database Administrator (DBA)', true],
    ['15-1242.00', 'reported', 'Software Engineer', true],
    ['15-2051.01', 'reported', 'Business Intelligence Developer', true],
    ['15-2051.01', 'alternate', 'Data Analyst', false],
    ['15-1299.08', 'alternate', 'Data Analyst', false],
  ];
  await db.insert(lmOccupationTitles).values(
    titles.map(([code, kind, title, isFeatured]) => ({
      releaseId,
      code,
      kind,
      title,
      titleNorm: normalizeTerm(title),
      isFeatured,
    })),
  );
  await db.insert(lmRelatedOccupations).values([
    { releaseId, code: '15-1252.00', relatedCode: '15-1242.00', tier: 'primary_short', rank: 1 },
    { releaseId, code: '15-1252.00', relatedCode: '15-1299.08', tier: 'primary_short', rank: 2 },
    { releaseId, code: '15-1252.00', relatedCode: '27-2011.00', tier: 'supplemental', rank: 20 },
  ]);
  await db.insert(lmOccupationRatings).values(
    (
      [
        ['2.B.3.e', 'Programming', 'skill', 4.5, false],
        ['2.A.2.a', 'Critical Thinking', 'skill', 3.88, false],
        ['2.A.1.a', 'Reading Comprehension', 'skill', 2.5, false],
        ['2.B.3.d', 'Installation', 'skill', 3.2, true],
        ['2.C.3.a', 'Computers and Electronics', 'knowledge', 4.7, false],
      ] as const
    ).map(([elementId, elementName, domain, importance, isNotRelevant]) => ({
      releaseId,
      code: '15-1252.00',
      elementId,
      elementName,
      domain,
      importance,
      level: importance,
      isNotRelevant,
    })),
  );
  await db
    .insert(lmWages)
    .values(wages.map((w) => ({ occTitle: w.occCode, occGroup: 'detailed', ...w, releaseId })));
  await db
    .insert(lmWageLinks)
    .values(wageLinks.map(([code, oewsCode, match]) => ({ releaseId, code, oewsCode, match })));
  return { id: releaseId, onetVersion: release.onetVersion, wageYear: release.wageYear, isDemo: false };
}
