import 'server-only';
import { and, asc, desc, eq, like, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { lmOccupations, lmOccupationTitles, lmTechnologies, lmTechnologyAliases } from '@/db/schema';
import { SYNONYM_BY_KEY } from '../match/vocabulary';
import { compactKey, normalizeTerm, slugify } from '../normalize';
import { resolveSkillSlug } from './skill';

export type SuggestionKind = 'skill' | 'occupation' | 'title';

export type Suggestion = {
  kind: SuggestionKind;
  label: string;
  /** What the suggestion is, in words: "Skill · hot technology", "Occupation 15-1252.00", "Job title · …". */
  detail: string;
  href: string;
};

export const MAX_QUERY_LENGTH = 100;
const MIN_QUERY_LENGTH = 2;

type Search = { releaseId: string; q: string; perKind: number };

/** The whole name starts with the query, or one of its words does. */
function startsWordOf(column: Parameters<typeof like>[0], q: string) {
  return or(like(column, `${q}%`), like(column, `% ${q}%`));
}

// lm_occupations keeps titles as O*NET writes them; this is normalizeTerm() close enough for matching.
const occupationNorm = sql<string>`regexp_replace(lower(${lmOccupations.title}), '[^a-z0-9+#.]+', ' ', 'g')`;

/**
 * Skills, occupations and job titles whose names start with the query or have a word that does,
 * best first within each kind: exact and whole-name matches, then hot technologies and featured
 * titles, then shorter names. A query like "15-12" finds occupations by code. Suggestions show a
 * job title held in several occupations once, leading to the full results (`/explore?q=`);
 * `isExpanded` (the full results) lists each occupation instead.
 */
export async function searchLaborMarket(
  db: Executor,
  input: { releaseId: string; query: string; perKind?: number; limit?: number; isExpanded?: boolean },
): Promise<Suggestion[]> {
  const q = normalizeTerm(input.query.slice(0, MAX_QUERY_LENGTH));
  if (q.length < MIN_QUERY_LENGTH) return [];
  const search = { releaseId: input.releaseId, q, perKind: input.perKind ?? 4 };
  const code = input.query.trim().match(/^\d{2}-\d{0,4}(\.\d{0,2})?$/)?.[0];
  const [occupations, skills, titles] = await Promise.all([
    matchOccupations(db, { ...search, code }),
    matchSkills(db, search).then((found) => withTopic(db, search, found)),
    input.isExpanded ? matchTitlesExpanded(db, search) : matchTitles(db, search),
  ]);
  const occupationKeys = new Set(occupations.map((o) => `${o.label.toLowerCase()}|${o.href}`));
  const distinctTitles = titles.filter((t) => !occupationKeys.has(`${t.label.toLowerCase()}|${t.href}`));
  return interleave([occupations, skills, distinctTitles], input.limit ?? 8);
}

async function matchOccupations(db: Executor, { releaseId, q, perKind, code }: Search & { code?: string }) {
  const rows = await db
    .select({ code: lmOccupations.code, title: lmOccupations.title })
    .from(lmOccupations)
    .where(
      and(
        eq(lmOccupations.releaseId, releaseId),
        code ? like(lmOccupations.code, `${code}%`) : startsWordOf(occupationNorm, q),
      ),
    )
    .orderBy(
      ...(code
        ? [asc(lmOccupations.code)]
        : [sql`${occupationNorm} like ${`${q}%`} desc`, sql`length(${lmOccupations.title})`]),
    )
    .limit(perKind);
  return rows.map(
    (o): Suggestion => ({
      kind: 'occupation',
      label: o.title,
      detail: `Occupation ${o.code}`,
      href: `/occupations/${o.code}`,
    }),
  );
}

async function matchSkills(db: Executor, { releaseId, q, perKind }: Search) {
  const [byName, byAlias] = await Promise.all([
    db
      .select({ slug: lmTechnologies.slug, name: lmTechnologies.name, isHot: lmTechnologies.isHot })
      .from(lmTechnologies)
      .where(and(eq(lmTechnologies.releaseId, releaseId), startsWordOf(lmTechnologies.nameNorm, q)))
      .orderBy(
        sql`${lmTechnologies.nameNorm} = ${q} desc`,
        sql`${lmTechnologies.nameNorm} like ${`${q}%`} desc`,
        desc(lmTechnologies.isHot),
        sql`length(${lmTechnologies.name})`,
        asc(lmTechnologies.name),
      )
      .limit(perKind),
    db
      .select({
        slug: lmTechnologies.slug,
        name: lmTechnologies.name,
        isHot: lmTechnologies.isHot,
        alias: lmTechnologyAliases.aliasNorm,
      })
      .from(lmTechnologyAliases)
      .innerJoin(
        lmTechnologies,
        and(
          eq(lmTechnologies.releaseId, lmTechnologyAliases.releaseId),
          eq(lmTechnologies.slug, lmTechnologyAliases.technologySlug),
        ),
      )
      .where(and(eq(lmTechnologyAliases.releaseId, releaseId), like(lmTechnologyAliases.aliasNorm, `${q}%`)))
      .orderBy(sql`${lmTechnologyAliases.aliasNorm} = ${q} desc`, desc(lmTechnologies.isHot))
      .limit(perKind),
  ]);
  // "aws" is an alias, exactly: its technology comes before names that merely start with "aws".
  const ordered = [...byAlias.filter((a) => a.alias === q), ...byName, ...byAlias];
  const skills: Suggestion[] = [];
  for (const t of ordered) {
    const href = `/skills/${t.slug}`;
    if (skills.length === perKind || skills.some((s) => s.href === href)) continue;
    skills.push({ kind: 'skill', label: t.name, detail: t.isHot ? 'Skill · hot technology' : 'Skill', href });
  }
  return skills;
}

/**
 * A query that is a known badge tag ("IAM", "cloud security", see synonyms.ts) leads to its
 * skill page first, when the release has data for it and no technology suggestion is that page.
 */
async function withTopic(db: Executor, { releaseId, q, perKind }: Search, skills: Suggestion[]) {
  const synonym = SYNONYM_BY_KEY.get(compactKey(q));
  if (!synonym) return skills;
  const lookup = await resolveSkillSlug(db, { releaseId, slug: slugify(q) });
  if (lookup.status === 'not_found') return skills;
  const href = `/skills/${lookup.slug}`;
  if (skills.some((s) => s.href === href)) return skills;
  const topic: Suggestion = {
    kind: 'skill',
    label: synonym.label,
    detail: 'Skill · matched to occupations',
    href,
  };
  return [topic, ...skills].slice(0, perKind);
}

const titleJoin = and(
  eq(lmOccupations.releaseId, lmOccupationTitles.releaseId),
  eq(lmOccupations.code, lmOccupationTitles.code),
);

/** Each matching title once; one held in several occupations leads to the full results. */
async function matchTitles(db: Executor, { releaseId, q, perKind }: Search) {
  const title = sql<string>`min(${lmOccupationTitles.title})`;
  const rows = await db
    .select({
      title,
      occupations: sql<number>`count(distinct ${lmOccupationTitles.code})`.mapWith(Number),
      code: sql<string>`min(${lmOccupationTitles.code})`,
      occupation: sql<string>`min(${lmOccupations.title})`,
    })
    .from(lmOccupationTitles)
    .innerJoin(lmOccupations, titleJoin)
    .where(and(eq(lmOccupationTitles.releaseId, releaseId), startsWordOf(lmOccupationTitles.titleNorm, q)))
    .groupBy(lmOccupationTitles.titleNorm)
    .orderBy(
      sql`${lmOccupationTitles.titleNorm} like ${`${q}%`} desc`,
      sql`bool_or(${lmOccupationTitles.isFeatured}) desc`,
      sql`length(${title})`,
      title,
    )
    .limit(perKind);
  return rows.map(
    (t): Suggestion =>
      t.occupations === 1
        ? {
            kind: 'title',
            label: t.title,
            detail: `Job title · ${t.occupation}`,
            href: `/occupations/${t.code}`,
          }
        : {
            kind: 'title',
            label: t.title,
            detail: `Job title in ${t.occupations} occupations`,
            href: `/explore?q=${encodeURIComponent(t.title)}`,
          },
  );
}

/** Each matching (title, occupation) pair: the full results. */
async function matchTitlesExpanded(db: Executor, { releaseId, q, perKind }: Search) {
  const rows = await db
    .select({
      title: lmOccupationTitles.title,
      code: lmOccupationTitles.code,
      occupation: lmOccupations.title,
    })
    .from(lmOccupationTitles)
    .innerJoin(lmOccupations, titleJoin)
    .where(and(eq(lmOccupationTitles.releaseId, releaseId), startsWordOf(lmOccupationTitles.titleNorm, q)))
    .orderBy(
      sql`${lmOccupationTitles.titleNorm} like ${`${q}%`} desc`,
      desc(lmOccupationTitles.isFeatured),
      sql`length(${lmOccupationTitles.title})`,
      asc(lmOccupationTitles.title),
      asc(lmOccupations.title),
    )
    .limit(perKind * 2);
  // The same title can be both an alternate and a reported one for an occupation.
  const seen = new Set<string>();
  return rows
    .filter((t) => {
      const key = `${t.title.toLowerCase()}|${t.code}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, perKind)
    .map(
      (t): Suggestion => ({
        kind: 'title',
        label: t.title,
        detail: `Job title · ${t.occupation}`,
        href: `/occupations/${t.code}`,
      }),
    );
}

/** A fair share of each kind first (so one kind cannot crowd out the others), then the rest in order. */
function interleave(groups: Suggestion[][], limit: number): Suggestion[] {
  const share = Math.max(1, Math.floor(limit / groups.length));
  const picked = new Set(
    [...groups.flatMap((g) => g.slice(0, share)), ...groups.flatMap((g) => g.slice(share))].slice(0, limit),
  );
  // Each kind stays together, in the groups' order, so the list reads as sections.
  return groups.flatMap((g) => g.filter((s) => picked.has(s)));
}
