import 'server-only';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import {
  lmOccupations,
  lmOccupationTechnologies,
  lmOccupationTitles,
  lmTechnologies,
  lmTechnologyAliases,
  lmWageLinks,
  lmWages,
} from '@/db/schema';
import { slugify } from '../normalize';
import type { ActiveRelease } from '../release';
import { type Pay, toPay, wageColumns, wageJoin } from './pay';
import { type TrendSeries, wageTrends } from './trend';

export type SlugLookup = { status: 'found' | 'redirect'; slug: string } | { status: 'not_found' };

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
  if (own) return { status: own.slug === input.slug ? 'found' : 'redirect', slug: own.slug };
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
  return alias ? { status: 'redirect', slug: alias.slug } : { status: 'not_found' };
}

export type SkillOccupation = {
  code: string;
  title: string;
  jobZone: number | null;
  isInDemand: boolean;
  employment: number | null;
  pay: Pay | null;
};

export type SkillPage = {
  slug: string;
  name: string;
  isHot: boolean;
  /** The UNSPSC commodity O*NET files it under, e.g. "Object or component oriented development software". */
  kind: string | null;
  occupationCount: number;
  occupations: SkillOccupation[];
  /** Titles people in the top occupations report holding, best-known first. */
  titles: { title: string; code: string }[];
  trend: TrendSeries[];
};

const OCCUPATIONS_SHOWN = 12;
const TITLE_OCCUPATIONS = 5;
const TITLES_SHOWN = 15;
const TREND_SERIES = 3;

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

  const top = rows.slice(0, TITLE_OCCUPATIONS).map((r) => r.code);
  const titleRows = top.length
    ? await db
        .select({ code: lmOccupationTitles.code, title: lmOccupationTitles.title })
        .from(lmOccupationTitles)
        .where(
          and(
            eq(lmOccupationTitles.releaseId, release.id),
            eq(lmOccupationTitles.kind, 'reported'),
            eq(lmOccupationTitles.isFeatured, true),
            inArray(lmOccupationTitles.code, top),
          ),
        )
        .orderBy(asc(lmOccupationTitles.title))
    : [];
  const seen = new Set<string>();
  const titles = top
    .flatMap((code) => titleRows.filter((t) => t.code === code))
    .filter((t) => {
      const key = t.title.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, TITLES_SHOWN);

  const trendTargets: { oewsCode: string; label: string }[] = [];
  for (const row of rows) {
    if (trendTargets.length === TREND_SERIES) break;
    if (row.oewsCode && !trendTargets.some((t) => t.oewsCode === row.oewsCode)) {
      trendTargets.push({ oewsCode: row.oewsCode, label: row.title });
    }
  }

  return {
    slug,
    name: technology.name,
    isHot: technology.isHot,
    kind: rows[0]?.commodityTitle ?? null,
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
    trend: await wageTrends(db, { releaseId: release.id, targets: trendTargets }),
  };
}
