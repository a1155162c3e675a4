/**
 * Labor-market data: occupations, technologies (the "skills" badges are matched to), titles,
 * ratings, related occupations and wages, imported from O*NET and BLS OEWS as one *release*; and
 * job postings imported from schema.org JobPosting feeds. Re-exported by db/schema.ts.
 *
 * Every imported row carries its release. An import loads a new release and, in the same
 * transaction, makes it the active one, so readers never see half a release; readers always
 * filter on the active release (lib/labor-market/release.ts).
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true });
const releaseId = () =>
  uuid('release_id')
    .notNull()
    .references(() => laborMarketReleases.id, { onDelete: 'cascade' });

export const releaseStatus = pgEnum('lm_release_status', ['loading', 'active', 'retired']);
export const occupationTitleKind = pgEnum('lm_title_kind', ['alternate', 'short', 'reported']);
export const ratingDomain = pgEnum('lm_rating_domain', ['skill', 'knowledge']);
export const relatedTier = pgEnum('lm_related_tier', ['primary_short', 'primary_long', 'supplemental']);
export const wageMatch = pgEnum('lm_wage_match', ['exact', 'oews_aggregate', 'broad', 'none']);

export const laborMarketReleases = pgTable(
  'labor_market_releases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    status: releaseStatus('status').notNull().default('loading'),
    /** For the attribution wording, e.g. "29.3". */
    onetVersion: text('onet_version').notNull(),
    /** The latest OEWS year imported: the year pay is shown for. */
    wageYear: integer('wage_year').notNull(),
    source: text('source').notNull(),
    rowCounts: jsonb('row_counts').$type<Record<string, number>>().notNull().default({}),
    createdAt: ts('created_at').notNull().defaultNow(),
    activatedAt: ts('activated_at'),
  },
  (t) => [uniqueIndex('labor_market_releases_one_active').on(t.status).where(sql`${t.status} = 'active'`)],
);

/** O*NET-SOC occupations, e.g. 15-1252.00 Software Developers. */
export const lmOccupations = pgTable(
  'lm_occupations',
  {
    releaseId: releaseId(),
    code: text('code').notNull(),
    /** The 6-digit SOC code, e.g. 15-1252. */
    socCode: text('soc_code').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    jobZone: integer('job_zone'),
  },
  (t) => [primaryKey({ columns: [t.releaseId, t.code] })],
);

export const lmJobZones = pgTable(
  'lm_job_zones',
  {
    releaseId: releaseId(),
    zone: integer('zone').notNull(),
    name: text('name').notNull(),
    experience: text('experience').notNull(),
    education: text('education').notNull(),
    jobTraining: text('job_training').notNull(),
    examples: text('examples').notNull(),
  },
  (t) => [primaryKey({ columns: [t.releaseId, t.zone] })],
);

/** Job titles people hold in an occupation: alternate and short titles, and reported ones. */
export const lmOccupationTitles = pgTable(
  'lm_occupation_titles',
  {
    releaseId: releaseId(),
    code: text('code').notNull(),
    kind: occupationTitleKind('kind').notNull(),
    title: text('title').notNull(),
    /** Lower-cased, punctuation folded: what search and title matching compare. */
    titleNorm: text('title_norm').notNull(),
    /** Reported titles shown in My Next Move: the ones worth listing first. */
    isFeatured: boolean('is_featured').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.releaseId, t.code, t.kind, t.title] }),
    index('lm_occupation_titles_norm_idx').on(t.releaseId, t.titleNorm),
  ],
);

/** A technology skill (an O*NET "example"): Python, PostgreSQL, Amazon Web Services AWS software. */
export const lmTechnologies = pgTable(
  'lm_technologies',
  {
    releaseId: releaseId(),
    /** URL key, stable across releases: derived from the name (c-plus-plus, c-sharp …). */
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    nameNorm: text('name_norm').notNull(),
    isHot: boolean('is_hot').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.releaseId, t.slug] }),
    index('lm_technologies_norm_idx').on(t.releaseId, t.nameNorm),
  ],
);

export const lmOccupationTechnologies = pgTable(
  'lm_occupation_technologies',
  {
    releaseId: releaseId(),
    code: text('code').notNull(),
    technologySlug: text('technology_slug').notNull(),
    commodityCode: text('commodity_code').notNull(),
    commodityTitle: text('commodity_title').notNull(),
    /** O*NET's "in demand" flag: per occupation, from employer job postings. */
    isInDemand: boolean('is_in_demand').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.releaseId, t.code, t.technologySlug] }),
    index('lm_occupation_technologies_tech_idx').on(t.releaseId, t.technologySlug),
  ],
);

/** Other names a badge tag may use for a technology ("AWS", "Postgres"); keys are normalised. */
export const lmTechnologyAliases = pgTable(
  'lm_technology_aliases',
  {
    releaseId: releaseId(),
    aliasNorm: text('alias_norm').notNull(),
    technologySlug: text('technology_slug').notNull(),
  },
  (t) => [primaryKey({ columns: [t.releaseId, t.aliasNorm] })],
);

/** O*NET skill and knowledge ratings per occupation (importance 1–5, level 0–7). */
export const lmOccupationRatings = pgTable(
  'lm_occupation_ratings',
  {
    releaseId: releaseId(),
    code: text('code').notNull(),
    elementId: text('element_id').notNull(),
    elementName: text('element_name').notNull(),
    domain: ratingDomain('domain').notNull(),
    importance: doublePrecision('importance').notNull(),
    level: doublePrecision('level').notNull(),
    isNotRelevant: boolean('is_not_relevant').notNull().default(false),
    /** O*NET recommends suppressing the value (low precision). */
    isLowConfidence: boolean('is_low_confidence').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.releaseId, t.code, t.elementId] })],
);

export const lmRelatedOccupations = pgTable(
  'lm_related_occupations',
  {
    releaseId: releaseId(),
    code: text('code').notNull(),
    relatedCode: text('related_code').notNull(),
    tier: relatedTier('tier').notNull(),
    rank: integer('rank').notNull(),
  },
  (t) => [primaryKey({ columns: [t.releaseId, t.code, t.relatedCode] })],
);

/**
 * BLS OEWS national wages by SOC code and year. Annual wages in dollars, hourly in dollars with
 * cents; null where OEWS publishes no number. `topcoded` names the columns whose true value is at
 * or above OEWS's top code ("#" in the source).
 */
export const lmWages = pgTable(
  'lm_wages',
  {
    releaseId: releaseId(),
    year: integer('year').notNull(),
    occCode: text('occ_code').notNull(),
    occGroup: text('occ_group').notNull(),
    occTitle: text('occ_title').notNull(),
    employment: integer('employment'),
    annualMean: integer('annual_mean'),
    annualP10: integer('annual_p10'),
    annualP25: integer('annual_p25'),
    annualMedian: integer('annual_median'),
    annualP75: integer('annual_p75'),
    annualP90: integer('annual_p90'),
    hourlyMean: doublePrecision('hourly_mean'),
    hourlyP10: doublePrecision('hourly_p10'),
    hourlyP25: doublePrecision('hourly_p25'),
    hourlyMedian: doublePrecision('hourly_median'),
    hourlyP75: doublePrecision('hourly_p75'),
    hourlyP90: doublePrecision('hourly_p90'),
    topcoded: text('topcoded').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [primaryKey({ columns: [t.releaseId, t.year, t.occCode, t.occGroup] })],
);

/** Which OEWS code an O*NET occupation takes its pay from (computed at import). */
export const lmWageLinks = pgTable(
  'lm_wage_links',
  {
    releaseId: releaseId(),
    code: text('code').notNull(),
    oewsCode: text('oews_code'),
    match: wageMatch('match').notNull(),
  },
  (t) => [primaryKey({ columns: [t.releaseId, t.code] })],
);

export type SalaryUnit = 'HOUR' | 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';
export type JobLocation = { locality?: string; region?: string; country?: string; postalCode?: string };

/**
 * Job listings from JobPosting feeds: upserted by employer and identifier, kept across
 * labor-market releases (they reference occupations and technologies by code and slug).
 */
export const jobPostings = pgTable(
  'job_postings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Employer key: the hiring organisation's sameAs origin, else its lower-cased name. */
    orgKey: text('org_key').notNull(),
    externalId: text('external_id').notNull(),
    employerName: text('employer_name').notNull(),
    employerUrl: text('employer_url'),
    title: text('title').notNull(),
    /** Plain text: markup is stripped at import and never stored. */
    description: text('description').notNull(),
    url: text('url'),
    datePosted: ts('date_posted').notNull(),
    validThrough: ts('valid_through'),
    employmentTypes: text('employment_types').array().notNull().default(sql`'{}'::text[]`),
    isRemote: boolean('is_remote').notNull().default(false),
    /** ISO 3166-1 alpha-2, when known. */
    country: text('country'),
    locations: jsonb('locations').$type<JobLocation[]>().notNull().default([]),
    salaryCurrency: text('salary_currency'),
    salaryMin: doublePrecision('salary_min'),
    salaryMax: doublePrecision('salary_max'),
    salaryUnit: text('salary_unit').$type<SalaryUnit>(),
    salaryIsEstimate: boolean('salary_is_estimate').notNull().default(false),
    occupationCode: text('occupation_code'),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    /** The skills as technology slugs (resolved through the aliases at import). */
    technologySlugs: text('technology_slugs').array().notNull().default(sql`'{}'::text[]`),
    source: text('source').notNull(),
    importedAt: ts('imported_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('job_postings_employer_identifier').on(t.orgKey, t.externalId),
    index('job_postings_occupation_idx').on(t.occupationCode),
  ],
);
