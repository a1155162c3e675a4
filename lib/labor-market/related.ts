/**
 * "Related jobs" for a badge: the occupations whose O*NET technology skills best match the
 * badge's skill tags.
 *
 * Tags. Each tag is normalised (normalizeTerm) and resolved to technologies: first by exact
 * name ("Python", "Amazon Web Services AWS software"), and only when no name matches, through
 * the release's alias table ("AWS", "Postgres", "HTML"; see aliases.ts and import/derive.ts).
 * Repeated tags (after normalising) count once. A tag that resolves to nothing is listed in
 * `unmatchedTags`.
 *
 * Score. For each occupation and tag, the best link between the occupation and a technology the
 * tag resolved to is worth
 *     1 (the occupation uses the technology)
 *   + 0.5 if the technology is an O*NET Hot Technology (often named in job postings)
 *   + 1 if O*NET flags it in demand for this occupation;
 * an occupation's score is the sum over the tags, so each tag counts at most once.
 *
 * Ties, in order: higher in-demand coverage (the matched tags that are in demand for the
 * occupation, divided by all its in-demand technologies, so a specialised occupation whose
 * few in-demand tools are the badge's outranks a broad one); then more people employed (OEWS);
 * then the title. Python + AWS + PostgreSQL gives three occupations 7.5 points (all three tags
 * hot and in demand); coverage puts Database Administrators (3 of 29) before Software
 * Developers (3 of 31) and Web Developers (3 of 36). Employment alone would put Web Developers
 * (70,190) ahead of Database Administrators (69,990).
 *
 * Pay is the release's wage year, from the OEWS code the occupation is linked to (`isExact`
 * false when that code is a broader or combined one); annual when OEWS publishes it, else hourly
 * (actors, musicians). `openListings` counts active job postings with the occupation's code.
 *
 * One SQL statement: the active release, the scores, the ordering, pay and listing counts.
 */
import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { type Executor, rowsOf } from '@/db/client';
import { isActivePosting } from '@/lib/jobs/active';
import { normalizeTerm } from './normalize';
import { DEMO_RELEASE_SOURCE } from './release';

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
};

export type RelatedOccupations = {
  release: { onetVersion: string; wageYear: number; isDemo: boolean } | null;
  occupations: RelatedOccupation[];
  unmatchedTags: string[];
};

const dialect = new PgDialect();
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 50;

type Row = {
  code: string;
  title: string;
  /** In half points (integers in SQL). */
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
};
type Answer = {
  release: { onetVersion: string; wageYear: number; isDemo: boolean } | null;
  matched: number[] | null;
  occupations: Row[] | null;
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
  const tags = distinctTags(options.tags);
  const limit = Math.min(Math.max(1, Math.floor(options.limit ?? DEFAULT_LIMIT)), MAX_LIMIT);
  const query = relatedQuery({ terms: tags.map((t) => t.term), limit, now: options.now ?? new Date() });
  // A named (server-side prepared) statement: after a few runs PostgreSQL keeps a generic plan
  // and skips planning, which is half the cost of this query. db.execute() never prepares.
  const prepared = db._.session.prepareQuery(
    dialect.sqlToQuery(query),
    undefined,
    'related_occupations',
    false,
  );
  const [answer] = rowsOf<{ answer: Answer | string }>(await prepared.execute());
  const parsed: Answer | undefined =
    typeof answer?.answer === 'string' ? JSON.parse(answer.answer) : answer?.answer;
  if (!parsed?.release) return { release: null, occupations: [], unmatchedTags: [] };
  const matched = new Set(parsed.matched ?? []);
  return {
    release: parsed.release,
    occupations: (parsed.occupations ?? []).map((row) => ({
      code: row.code,
      title: row.title,
      score: row.score / 2,
      matchedTags: row.matched.map((i) => tags[i]?.tag ?? ''),
      wage: wageOf(row),
      openListings: Number(row.open_listings),
    })),
    unmatchedTags: tags.filter((_, i) => !matched.has(i)).map((t) => t.tag),
  };
}

/** Tags as given, without blanks or repeats (compared normalised), each with its search term. */
function distinctTags(tags: string[]): { tag: string; term: string }[] {
  const seen = new Set<string>();
  const out: { tag: string; term: string }[] = [];
  for (const tag of tags) {
    const term = normalizeTerm(tag);
    if (!term || seen.has(term)) continue;
    seen.add(term);
    out.push({ tag: tag.trim(), term });
  }
  return out;
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

function relatedQuery({ terms, limit, now }: { terms: string[]; limit: number; now: Date }): SQL {
  // An empty VALUES list is not SQL; a tag list of one impossible term keeps one query shape.
  const values = (terms.length ? terms : ['']).map((term, i) => sql`(${i}::int, ${term}::text)`);
  return sql`
    with rel as (
      select id, wage_year, onet_version, source from labor_market_releases where status = 'active'
    ),
    tags(position, term) as (values ${sql.join(values, sql`, `)}),
    resolved as (
      select t.position, tech.slug, tech.is_hot
      from tags t
      join lm_technologies tech on tech.release_id = (select id from rel) and tech.name_norm = t.term
      union all
      select t.position, tech.slug, tech.is_hot
      from tags t
      join lm_technology_aliases a on a.release_id = (select id from rel) and a.alias_norm = t.term
      join lm_technologies tech on tech.release_id = a.release_id and tech.slug = a.technology_slug
      where not exists (
        select 1 from lm_technologies x where x.release_id = (select id from rel) and x.name_norm = t.term
      )
    ),
    per_tag as (
      select ot.code, r.position,
        -- In half points, so the sums stay integers: 2 + 1 if hot + 2 if in demand.
        max(2 + case when r.is_hot then 1 else 0 end + case when ot.is_in_demand then 2 else 0 end) as points,
        bool_or(ot.is_in_demand) as is_in_demand
      from resolved r
      join lm_occupation_technologies ot
        on ot.release_id = (select id from rel) and ot.technology_slug = r.slug
      group by ot.code, r.position
    ),
    scored as (
      select code, sum(points)::int as score, array_agg(position order by position) as matched,
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
      join lm_occupations o on o.release_id = (select id from rel) and o.code = c.code
      left join lateral (
        select w.year, w.employment, w.annual_median, w.annual_p10, w.annual_p90,
          w.hourly_median, w.hourly_p10, w.hourly_p90, l.match = 'exact' as is_exact
        from lm_wage_links l
        join lm_wages w on w.release_id = l.release_id and w.year = (select wage_year from rel)
          and w.occ_code = l.oews_code and w.occ_group = 'detailed'
        where l.release_id = o.release_id and l.code = o.code
      ) w on true
      order by c.score desc, coverage desc nulls last, w.employment desc nulls last, o.title, c.code
      limit ${limit}
    )
    select json_build_object(
      'release', (
        select json_build_object('onetVersion', onet_version, 'wageYear', wage_year, 'isDemo', source = ${sql.raw(`'${DEMO_RELEASE_SOURCE}'`)})
        from rel
      ),
      'matched', (select json_agg(distinct position) from resolved),
      'occupations', (
        select json_agg(json_build_object(
          'code', r.code, 'title', r.title, 'score', r.score, 'matched', r.matched, 'year', r.year,
          'annual_median', r.annual_median, 'annual_p10', r.annual_p10, 'annual_p90', r.annual_p90,
          'hourly_median', r.hourly_median, 'hourly_p10', r.hourly_p10, 'hourly_p90', r.hourly_p90,
          'is_exact', coalesce(r.is_exact, false),
          'open_listings', (
            select count(*) from job_postings
            where job_postings.occupation_code = r.code and ${isActivePosting(now)}
          )
        ) order by r.score desc, r.coverage desc nulls last, r.employment desc nulls last, r.title, r.code)
        from ranked r
      )
    ) as answer`;
}
