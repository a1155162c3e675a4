/**
 * "Related jobs" for a badge: the occupations that best match the badge's skill tags.
 *
 * Tags. Each tag is resolved against the release (match/resolve-tag.ts): to technologies by
 * name, alias, looser spelling, synonym or typo; to O*NET skill and knowledge names; and to
 * occupations whose job titles name it ("Cloud Security Engineer"). Each match has a confidence
 * (1 for an exact name, less for synonyms and typos). Repeated tags (after normalising) count
 * once; a tag that resolves to nothing is listed in `unmatchedTags`.
 *
 * Score. For each occupation and tag, the best of the tag's matches is worth, times its confidence:
 * - a technology the occupation uses: 1, + 0.5 if it is an O*NET Hot Technology, + 1 if O*NET
 *   flags it in demand for this occupation;
 * - a job title of the occupation naming the tag: 2.5, as much as a hot in-demand technology,
 *   since the skill is what the job is called;
 * - a skill or knowledge area the occupation rates important (importance 3 of 5 or more):
 *   2.5 × its centrality, the mean of importance (1–5) and level (0–7) each scaled to 0–1, so
 *   occupations where the skill is central come first.
 * An occupation's score is the sum over the tags, so each tag counts at most once.
 *
 * Ties, in order: higher in-demand coverage (the matched technologies in demand for the
 * occupation, divided by all its in-demand technologies, so a specialised occupation whose few
 * in-demand tools are the badge's outranks a broad one); then more people employed (OEWS); then
 * the title. Coverage alone once put Sales Engineers (8 in-demand technologies, AWS one of them)
 * near the top for a cloud security badge whose other two tags matched nothing; with "IAM" and
 * "Cloud Security" resolved, information security occupations lead.
 *
 * Pay is the release's wage year, from the OEWS code the occupation is linked to (`isExact`
 * false when that code is a broader or combined one); annual when OEWS publishes it, else hourly.
 * `openListings` counts active job postings with the occupation's code; `similarListings` those
 * of other occupations in its SOC minor group (15-1xxx: computer occupations).
 */
import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { type Executor, rowsOf } from '@/db/client';
import { isActivePosting } from '@/lib/jobs/active';
import { loadVocabulary } from './match/load-vocabulary';
import { type ResolvedTag, resolveTag } from './match/resolve-tag';
import { normalizeTerm } from './normalize';
import { getActiveRelease } from './release';

export type RelatedOccupation = {
  code: string;
  title: string;
  score: number;
  /** The badge's tags that matched, in the badge's order. */
  matchedTags: string[];
  wage: {
    year: number;
    median: number;
    p10: number | null;
    p90: number | null;
    unit: 'year' | 'hour';
    isExact: boolean;
  } | null;
  openListings: number;
  /** Open listings of other occupations in the same SOC minor group. */
  similarListings: number;
};

export type RelatedOccupations = {
  release: { onetVersion: string; wageYear: number; isDemo: boolean } | null;
  occupations: RelatedOccupation[];
  unmatchedTags: string[];
  /** Each distinct tag and what it resolved to, in the badge's order. */
  resolved: ResolvedTag[];
};

const dialect = new PgDialect();
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 50;
/** Scores are compared at this precision, so sums of confidences tie when they should. */
const SCORE_DECIMALS = 3;

type Row = {
  code: string;
  title: string;
  score: number;
  matched: number[];
  year: number | null;
  annual_median: number | null;
  annual_p10: number | null;
  annual_p90: number | null;
  hourly_median: number | null;
  hourly_p10: number | null;
  hourly_p90: number | null;
  is_exact: boolean;
  open_listings: number;
  similar_listings: number;
};

/** One resolved match as the query reads it. */
type MatchRow = {
  position: number;
  kind: 'technology' | 'title' | 'element';
  key: string;
  confidence: number;
};

/**
 * The best-matching occupations for a badge's skill tags (see the top of this file), at most
 * `limit` (default 10, at most 50). `release` is null when no labor-market data is imported.
 * `now` decides which job postings are open (default: the current time).
 */
export async function findRelatedOccupations(
  db: Executor,
  options: { tags: string[]; limit?: number; now?: Date },
): Promise<RelatedOccupations> {
  const active = await getActiveRelease(db);
  if (!active) return { release: null, occupations: [], unmatchedTags: [], resolved: [] };
  const release = { onetVersion: active.onetVersion, wageYear: active.wageYear, isDemo: active.isDemo };
  const vocabulary = await loadVocabulary(db, active.id);
  const resolved = distinctTags(options.tags).map((tag) => resolveTag(vocabulary, tag));
  const unmatchedTags = resolved.filter((r) => r.matches.length === 0).map((r) => r.tag);
  const ranked = await rankOccupations(db, {
    releaseId: active.id,
    resolved,
    limit: options.limit ?? DEFAULT_LIMIT,
    now: options.now ?? new Date(),
  });
  return { release, occupations: ranked.occupations, unmatchedTags, resolved };
}

/**
 * The occupations resolved tags point to in a release, scored and ordered as described at the top
 * of this file: at most `limit` (1–50), and how many occupations matched at all.
 */
export async function rankOccupations(
  db: Executor,
  input: { releaseId: string; resolved: ResolvedTag[]; limit: number; now: Date },
): Promise<{ total: number; occupations: RelatedOccupation[] }> {
  const { resolved } = input;
  const matches: MatchRow[] = resolved.flatMap((r, position) =>
    r.matches.map((m) => ({
      position,
      kind: m.kind,
      key: m.kind === 'technology' ? m.slug : m.kind === 'title' ? m.code : m.name,
      confidence: m.confidence,
    })),
  );
  if (matches.length === 0) return { total: 0, occupations: [] };
  const limit = Math.min(Math.max(1, Math.floor(input.limit)), MAX_LIMIT);
  const query = relatedQuery({ releaseId: input.releaseId, matches, limit, now: input.now });
  // A named (server-side prepared) statement: after a few runs PostgreSQL keeps a generic plan
  // and skips planning, which is half the cost of this query. db.execute() never prepares.
  const prepared = db._.session.prepareQuery(
    dialect.sqlToQuery(query),
    undefined,
    'related_occupations',
    false,
  );
  const [answer] = rowsOf<{ total: number; occupations: Row[] | string | null }>(await prepared.execute());
  const rows: Row[] =
    typeof answer?.occupations === 'string' ? JSON.parse(answer.occupations) : (answer?.occupations ?? []);
  return {
    total: Number(answer?.total ?? 0),
    occupations: rows.map((row) => ({
      code: row.code,
      title: row.title,
      score: Number(row.score),
      matchedTags: row.matched.map((i) => resolved[i]?.tag ?? ''),
      wage: wageOf(row),
      openListings: Number(row.open_listings),
      similarListings: Number(row.similar_listings),
    })),
  };
}

/** Tags as given, without blanks or repeats (compared normalised). */
function distinctTags(tags: string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((tag) => {
    const term = normalizeTerm(tag);
    if (!term || seen.has(term)) return false;
    seen.add(term);
    return true;
  });
}

function wageOf(row: Row): RelatedOccupation['wage'] {
  if (row.year === null) return null;
  const base = { year: row.year, isExact: row.is_exact };
  if (row.annual_median !== null) {
    return { ...base, median: row.annual_median, p10: row.annual_p10, p90: row.annual_p90, unit: 'year' };
  }
  if (row.hourly_median !== null) {
    return { ...base, median: row.hourly_median, p10: row.hourly_p10, p90: row.hourly_p90, unit: 'hour' };
  }
  return null;
}

/**
 * Points for rated skills: the ratings have no index by element, so this part is added only when
 * a tag matched a skill (a scan of the release's ratings otherwise costs every lookup).
 */
function elementPoints(releaseId: string): SQL {
  return sql`union all
    select r.code, m.position,
      m.confidence * 2.5 * ((r.importance - 1) / 4 + least(r.level, 7) / 7) / 2, false
    from m
    join lm_occupation_ratings r on r.release_id = ${releaseId} and r.element_name = m.key
    where m.kind = 'element' and r.importance >= 3 and not r.is_not_relevant`;
}

function relatedQuery(input: { releaseId: string; matches: MatchRow[]; limit: number; now: Date }): SQL {
  const { releaseId, limit, now } = input;
  const kinds = new Set(input.matches.map((m) => m.kind));
  return sql`
    with m as (
      select * from json_to_recordset(${JSON.stringify(input.matches)}::json)
        as m(position int, kind text, key text, confidence float8)
    ),
    points as (
      select ot.code, m.position,
        m.confidence * (1 + case when t.is_hot then 0.5 else 0 end + case when ot.is_in_demand then 1 else 0 end) as points,
        ot.is_in_demand
      from m
      join lm_technologies t on t.release_id = ${releaseId} and t.slug = m.key
      join lm_occupation_technologies ot on ot.release_id = t.release_id and ot.technology_slug = t.slug
      where m.kind = 'technology'
      ${kinds.has('title') ? sql`union all select m.key, m.position, m.confidence * 2.5, false from m where m.kind = 'title'` : sql``}
      ${kinds.has('element') ? elementPoints(releaseId) : sql``}
    ),
    per_tag as (
      select code, position, max(points) as points, bool_or(is_in_demand) as is_in_demand
      from points group by code, position
    ),
    scored as (
      select code, round(sum(points)::numeric, ${SCORE_DECIMALS}) as score,
        array_agg(position order by position) as matched,
        count(*) filter (where is_in_demand) as in_demand
      from per_tag
      group by code
    ),
    -- Only occupations that can still make the list need the tie-breaks (one lookup each).
    candidates as (
      select * from scored
      where score >= coalesce((select score from scored order by score desc offset ${limit - 1} limit 1), 0)
    ),
    ranked as (
      select c.code, o.title, c.score, c.matched, w.*,
        c.in_demand::float8 / nullif((
          select count(*) from lm_occupation_technologies x
          where x.release_id = o.release_id and x.code = c.code and x.is_in_demand
        ), 0) as coverage
      from candidates c
      join lm_occupations o on o.release_id = ${releaseId} and o.code = c.code
      left join lateral (
        select w.year, w.employment, w.annual_median, w.annual_p10, w.annual_p90,
          w.hourly_median, w.hourly_p10, w.hourly_p90, l.match = 'exact' as is_exact
        from lm_wage_links l
        join lm_wages w on w.release_id = l.release_id
          and w.year = (select wage_year from labor_market_releases where id = ${releaseId})
          and w.occ_code = l.oews_code and w.occ_group = 'detailed'
        where l.release_id = o.release_id and l.code = o.code
      ) w on true
      order by c.score desc, coverage desc nulls last, w.employment desc nulls last, o.title, c.code
      limit ${limit}
    )
    select (select count(*) from scored) as total, json_agg(json_build_object(
      'code', r.code, 'title', r.title, 'score', r.score, 'matched', r.matched, 'year', r.year,
      'annual_median', r.annual_median, 'annual_p10', r.annual_p10, 'annual_p90', r.annual_p90,
      'hourly_median', r.hourly_median, 'hourly_p10', r.hourly_p10, 'hourly_p90', r.hourly_p90,
      'is_exact', coalesce(r.is_exact, false),
      'open_listings', (
        select count(*) from job_postings
        where job_postings.occupation_code = r.code and ${isActivePosting(now)}
      ),
      'similar_listings', (
        select count(*) from job_postings
        where left(job_postings.occupation_code, 4) = left(r.code, 4)
          and job_postings.occupation_code <> r.code and ${isActivePosting(now)}
      )
    ) order by r.score desc, r.coverage desc nulls last, r.employment desc nulls last, r.title, r.code) as occupations
    from ranked r`;
}
