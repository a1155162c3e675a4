import 'server-only';
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import {
  lmOccupations,
  lmOccupationTechnologies,
  lmTechnologies,
  lmTechnologyAliases,
  lmWageLinks,
  lmWages,
} from '@/db/schema';
import { loadVocabulary } from '../match/load-vocabulary';
import { resolveTag } from '../match/resolve-tag';
import { slugify, unslugify } from '../normalize';
import type { ActiveRelease } from '../release';
import { toPay, wageColumns, wageJoin } from './pay';
import { featuredTitles, occupationTrends, type SkillOccupation } from './skill-occupations';
import type { TrendSeries } from './trend';

export type { SkillOccupation };

/**
 * What a /skills/<slug> address shows: a technology (its own slug), or a *topic*, a tag that is
 * not one technology but resolves to several things (IAM, Cloud Security: job titles, skills,
 * related technologies; see match/resolve-tag.ts).
 */
export type SlugLookup =
  | { status: 'found'; slug: string; kind: 'technology' | 'topic' }
  | { status: 'redirect'; slug: string }
  | { status: 'not_found' };

const MAX_SLUG_LENGTH = 200;

/** slugify() in SQL, for alias keys (already normalised, so only the URL step remains). */
const aliasSlug = sql<string>`trim(both '-' from regexp_replace(replace(replace(replace(${lmTechnologyAliases.aliasNorm}, '+', ' plus '), '#', ' sharp '), '.', ' dot '), '\\s+', '-', 'g'))`;

/**
 * The canonical slug for a /skills/<slug> address. A technology's own slug is found; a differently
 * written one ("Python", "node.js") or an alias ("aws", "postgres") redirects to it.
 */
export async function resolveSkillSlug(
  db: Executor,
  input: { releaseId: string; slug: string },
): Promise<SlugLookup> {
  if (input.slug.length > MAX_SLUG_LENGTH) return { status: 'not_found' };
  const wanted = slugify(input.slug);
  if (!wanted) return { status: 'not_found' };
  const [own] = await db
    .select({ slug: lmTechnologies.slug })
    .from(lmTechnologies)
    .where(and(eq(lmTechnologies.releaseId, input.releaseId), eq(lmTechnologies.slug, wanted)));
  if (own)
    return own.slug === input.slug
      ? { status: 'found', slug: own.slug, kind: 'technology' }
      : { status: 'redirect', slug: own.slug };
  // Most aliases are plain words ("aws", "amazon web services"): look the key up before
  // comparing the slug of every alias.
  const aliasOf = (match: SQL) =>
    db
      .select({ slug: lmTechnologyAliases.technologySlug })
      .from(lmTechnologyAliases)
      .where(and(eq(lmTechnologyAliases.releaseId, input.releaseId), match))
      .orderBy(asc(lmTechnologyAliases.aliasNorm))
      .limit(1);
  const [plain] = await aliasOf(eq(lmTechnologyAliases.aliasNorm, wanted.replace(/-/g, ' ')));
  const alias = plain ?? (await aliasOf(eq(aliasSlug, wanted)))[0];
  if (alias) return { status: 'redirect', slug: alias.slug };

  const { matches } = resolveTag(await loadVocabulary(db, input.releaseId), unslugify(wanted));
  const [only] = matches;
  // A misspelling or another name of one technology goes to that technology's page; a close
  // relative (YAML for JSON) gets its own page saying so.
  if (matches.length === 1 && only?.kind === 'technology' && only.how !== 'related') {
    return { status: 'redirect', slug: only.slug };
  }
  if (matches.length === 0) return { status: 'not_found' };
  return wanted === input.slug
    ? { status: 'found', slug: wanted, kind: 'topic' }
    : { status: 'redirect', slug: wanted };
}

export type SkillPage = {
  kind: 'technology' | 'topic';
  slug: string;
  /** The technology's name as people say it ("AWS — Amazon Web Services"), or the topic's label. */
  name: string;
  /** What sentences call it: "AWS" for "AWS — Amazon Web Services". */
  shortName: string;
  /** O*NET's own name of a technology, when `name` reads differently. */
  onetName: string | null;
  isHot: boolean;
  /** The UNSPSC commodity O*NET files a technology under, e.g. "Data base user interface and query software". */
  category: string | null;
  occupationCount: number;
  occupations: SkillOccupation[];
  /** Titles people in the top occupations report holding, best-known first. */
  titles: { title: string; code: string }[];
  trend: TrendSeries[];
  /** For a topic: what the tag was matched to. */
  matchedAs: TopicMatches | null;
};

export type TopicMatches = {
  technologies: { slug: string; name: string }[];
  skills: string[];
  titles: { title: string; code: string }[];
  /** Why a related term was used ("YAML is a superset of JSON …"). */
  relation: string | null;
};

const ACRONYM_AT_END = /^(.*\S)\s+([A-Z][A-Z0-9]{1,})$/;

/**
 * A technology's name as people say it: O*NET files AWS as "Amazon Web Services AWS software";
 * this gives "AWS — Amazon Web Services". Other names are kept as they are.
 */
export function technologyDisplayName(name: string): string {
  const base = name.replace(/\s+software$/i, '');
  const acronym = ACRONYM_AT_END.exec(base);
  if (!acronym?.[1] || !acronym[2] || acronym[1].trim().split(/\s+/).length < 2) return name;
  return `${acronym[2]} — ${acronym[1]}`;
}

const OCCUPATIONS_SHOWN = 12;

/** Everything the skill page shows from the release (listings come from lib/jobs). Null: no such skill. */
export async function findSkillPage(
  db: Executor,
  input: { release: ActiveRelease; slug: string },
): Promise<SkillPage | null> {
  const { release, slug } = input;
  const [technology] = await db
    .select({ name: lmTechnologies.name, isHot: lmTechnologies.isHot })
    .from(lmTechnologies)
    .where(and(eq(lmTechnologies.releaseId, release.id), eq(lmTechnologies.slug, slug)));
  if (!technology) return null;

  const rows = await db
    .select({
      code: lmOccupations.code,
      title: lmOccupations.title,
      jobZone: lmOccupations.jobZone,
      isInDemand: lmOccupationTechnologies.isInDemand,
      commodityTitle: lmOccupationTechnologies.commodityTitle,
      oewsCode: lmWageLinks.oewsCode,
      total: sql<number>`count(*) over ()`.mapWith(Number),
      ...wageColumns,
    })
    .from(lmOccupationTechnologies)
    .innerJoin(
      lmOccupations,
      and(
        eq(lmOccupations.releaseId, lmOccupationTechnologies.releaseId),
        eq(lmOccupations.code, lmOccupationTechnologies.code),
      ),
    )
    .leftJoin(
      lmWageLinks,
      and(eq(lmWageLinks.releaseId, lmOccupations.releaseId), eq(lmWageLinks.code, lmOccupations.code)),
    )
    .leftJoin(lmWages, wageJoin(release.wageYear))
    .where(
      and(
        eq(lmOccupationTechnologies.releaseId, release.id),
        eq(lmOccupationTechnologies.technologySlug, slug),
      ),
    )
    .orderBy(
      desc(lmOccupationTechnologies.isInDemand),
      sql`${lmWages.employment} desc nulls last`,
      asc(lmOccupations.title),
    )
    .limit(OCCUPATIONS_SHOWN);

  const codes = rows.map((r) => r.code);
  const [titles, trend] = await Promise.all([
    featuredTitles(db, { releaseId: release.id, codes }),
    occupationTrends(db, { releaseId: release.id, occupations: rows }),
  ]);
  const name = technologyDisplayName(technology.name);
  return {
    kind: 'technology',
    slug,
    name,
    shortName: name.split(' — ')[0] ?? name,
    onetName: name === technology.name ? null : technology.name,
    isHot: technology.isHot,
    category: rows[0]?.commodityTitle ?? null,
    occupationCount: rows[0]?.total ?? 0,
    occupations: rows.map((r) => ({
      code: r.code,
      title: r.title,
      jobZone: r.jobZone,
      isInDemand: r.isInDemand,
      employment: r.employment,
      pay: toPay(r),
    })),
    titles,
    trend,
    matchedAs: null,
  };
}
