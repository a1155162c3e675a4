import 'server-only';
import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import {
  lmJobZones,
  lmOccupationRatings,
  lmOccupations,
  lmOccupationTechnologies,
  lmOccupationTitles,
  lmRelatedOccupations,
  lmTechnologies,
  lmWageLinks,
  lmWages,
} from '@/db/schema';
import type { ActiveRelease } from '../release';
import { type Pay, toPay, wageColumns, wageJoin } from './pay';
import { type TrendSeries, wageTrends } from './trend';

export type CodeLookup = { status: 'found' | 'redirect'; code: string } | { status: 'not_found' };

const FULL_CODE = /^\d{2}-\d{4}\.\d{2}$/;
const SOC_CODE = /^\d{2}-\d{4}$/;

/**
 * The O*NET code for an /occupations/<code> address: a full code is found; a 6-digit SOC code
 * (15-1252) redirects to its .00 occupation, or its first specialisation when there is no .00.
 */
export async function resolveOccupationCode(
  db: Executor,
  input: { releaseId: string; code: string },
): Promise<CodeLookup> {
  const { releaseId, code } = input;
  if (FULL_CODE.test(code)) {
    const [row] = await db
      .select({ code: lmOccupations.code })
      .from(lmOccupations)
      .where(and(eq(lmOccupations.releaseId, releaseId), eq(lmOccupations.code, code)));
    return row ? { status: 'found', code: row.code } : { status: 'not_found' };
  }
  if (!SOC_CODE.test(code)) return { status: 'not_found' };
  const [row] = await db
    .select({ code: lmOccupations.code })
    .from(lmOccupations)
    .where(and(eq(lmOccupations.releaseId, releaseId), eq(lmOccupations.socCode, code)))
    .orderBy(asc(lmOccupations.code))
    .limit(1);
  return row ? { status: 'redirect', code: row.code } : { status: 'not_found' };
}

export type OccupationPage = {
  code: string;
  title: string;
  description: string;
  /** O*NET Job Zone: how much preparation the work needs, in O*NET's own words. */
  jobZone: {
    zone: number;
    name: string;
    experience: string;
    education: string;
    jobTraining: string;
    examples: string;
  } | null;
  pay: Pay | null;
  /** Where the pay comes from when it is not this exact occupation (e.g. a broader OEWS group). */
  payFrom: { oewsCode: string; title: string } | null;
  employment: number | null;
  trend: TrendSeries[];
  technologies: { slug: string; name: string; isHot: boolean; isInDemand: boolean }[];
  related: { code: string; title: string; pay: Pay | null }[];
  titles: string[];
  skills: { name: string; importance: number }[];
  knowledge: { name: string; importance: number }[];
};

const RELATED_SHOWN = 10;
const TITLES_SHOWN = 15;
const RATINGS_SHOWN = 8;
/** Importance 3 of 5 is "important" on O*NET's scale; lower ratings are left out. */
const MIN_IMPORTANCE = 3;

/** Everything the occupation page shows from the release (open jobs come from lib/jobs). */
export async function findOccupationPage(
  db: Executor,
  input: { release: ActiveRelease; code: string },
): Promise<OccupationPage | null> {
  const { release, code } = input;
  const [main] = await db
    .select({
      code: lmOccupations.code,
      title: lmOccupations.title,
      description: lmOccupations.description,
      zone: lmJobZones.zone,
      zoneName: lmJobZones.name,
      experience: lmJobZones.experience,
      education: lmJobZones.education,
      jobTraining: lmJobZones.jobTraining,
      examples: lmJobZones.examples,
      match: lmWageLinks.match,
      oewsCode: lmWageLinks.oewsCode,
      ...wageColumns,
    })
    .from(lmOccupations)
    .leftJoin(
      lmJobZones,
      and(eq(lmJobZones.releaseId, lmOccupations.releaseId), eq(lmJobZones.zone, lmOccupations.jobZone)),
    )
    .leftJoin(
      lmWageLinks,
      and(eq(lmWageLinks.releaseId, lmOccupations.releaseId), eq(lmWageLinks.code, lmOccupations.code)),
    )
    .leftJoin(lmWages, wageJoin(release.wageYear))
    .where(and(eq(lmOccupations.releaseId, release.id), eq(lmOccupations.code, code)));
  if (!main) return null;

  const relatedOccupation = alias(lmOccupations, 'related_occupation');
  const [technologies, related, titleRows, ratings, trend] = await Promise.all([
    db
      .select({
        slug: lmTechnologies.slug,
        name: lmTechnologies.name,
        isHot: lmTechnologies.isHot,
        isInDemand: lmOccupationTechnologies.isInDemand,
      })
      .from(lmOccupationTechnologies)
      .innerJoin(
        lmTechnologies,
        and(
          eq(lmTechnologies.releaseId, lmOccupationTechnologies.releaseId),
          eq(lmTechnologies.slug, lmOccupationTechnologies.technologySlug),
        ),
      )
      .where(and(eq(lmOccupationTechnologies.releaseId, release.id), eq(lmOccupationTechnologies.code, code)))
      .orderBy(
        desc(lmOccupationTechnologies.isInDemand),
        desc(lmTechnologies.isHot),
        asc(lmTechnologies.name),
      ),
    db
      .select({ code: relatedOccupation.code, title: relatedOccupation.title, ...wageColumns })
      .from(lmRelatedOccupations)
      .innerJoin(
        relatedOccupation,
        and(
          eq(relatedOccupation.releaseId, lmRelatedOccupations.releaseId),
          eq(relatedOccupation.code, lmRelatedOccupations.relatedCode),
        ),
      )
      .leftJoin(
        lmWageLinks,
        and(
          eq(lmWageLinks.releaseId, relatedOccupation.releaseId),
          eq(lmWageLinks.code, relatedOccupation.code),
        ),
      )
      .leftJoin(lmWages, wageJoin(release.wageYear))
      .where(
        and(
          eq(lmRelatedOccupations.releaseId, release.id),
          eq(lmRelatedOccupations.code, code),
          lte(lmRelatedOccupations.rank, RELATED_SHOWN),
        ),
      )
      .orderBy(asc(lmRelatedOccupations.rank)),
    db
      .select({ title: lmOccupationTitles.title })
      .from(lmOccupationTitles)
      .where(and(eq(lmOccupationTitles.releaseId, release.id), eq(lmOccupationTitles.code, code)))
      .orderBy(
        desc(lmOccupationTitles.isFeatured),
        sql`${lmOccupationTitles.kind} = 'reported' desc`,
        asc(lmOccupationTitles.title),
      )
      .limit(TITLES_SHOWN * 2),
    db
      .select({
        name: lmOccupationRatings.elementName,
        domain: lmOccupationRatings.domain,
        importance: lmOccupationRatings.importance,
      })
      .from(lmOccupationRatings)
      .where(
        and(
          eq(lmOccupationRatings.releaseId, release.id),
          eq(lmOccupationRatings.code, code),
          eq(lmOccupationRatings.isNotRelevant, false),
          gte(lmOccupationRatings.importance, MIN_IMPORTANCE),
        ),
      )
      .orderBy(desc(lmOccupationRatings.importance), asc(lmOccupationRatings.elementName)),
    main.oewsCode
      ? wageTrends(db, { releaseId: release.id, targets: [{ oewsCode: main.oewsCode, label: main.title }] })
      : Promise.resolve([]),
  ]);

  const seen = new Set<string>();
  const titles = titleRows
    .map((t) => t.title)
    .filter((title) => {
      const key = title.toLowerCase();
      if (seen.has(key) || key === main.title.toLowerCase()) return false;
      seen.add(key);
      return true;
    })
    .slice(0, TITLES_SHOWN);

  return {
    code: main.code,
    title: main.title,
    description: main.description,
    jobZone:
      main.zone !== null && main.zoneName !== null
        ? {
            zone: main.zone,
            name: main.zoneName,
            experience: main.experience ?? '',
            education: main.education ?? '',
            jobTraining: main.jobTraining ?? '',
            examples: main.examples ?? '',
          }
        : null,
    pay: toPay(main),
    payFrom:
      // Specialisations (.01, .02 …) share their SOC code's pay; say so, as for inexact matches.
      main.oewsCode && main.occTitle && (main.match !== 'exact' || !main.code.endsWith('.00'))
        ? { oewsCode: main.oewsCode, title: main.occTitle }
        : null,
    employment: main.employment,
    trend: trend.filter((series) => series.points.length > 0),
    technologies,
    related: related.map((r) => ({ code: r.code, title: r.title, pay: toPay(r) })),
    titles,
    skills: ratings
      .filter((r) => r.domain === 'skill')
      .slice(0, RATINGS_SHOWN)
      .map(({ name, importance }) => ({ name, importance })),
    knowledge: ratings
      .filter((r) => r.domain === 'knowledge')
      .slice(0, RATINGS_SHOWN)
      .map(({ name, importance }) => ({ name, importance })),
  };
}
