import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import {
  lmOccupations,
  lmOccupationTechnologies,
  lmOccupationTitles,
  lmTechnologies,
  lmTechnologyAliases,
} from '@/db/schema';
import { normalizeTerm } from '@/lib/labor-market/normalize';
import type { PostingDraft } from './normalize-posting';

const SENIORITY = new Set(['junior', 'jr', 'senior', 'sr', 'lead', 'principal', 'staff']);
const LEVEL = /^(i|ii|iii|iv|v|[1-5])$/;

/**
 * What a posting title is looked up by: the head of the title (no parenthesised parts, nothing
 * after " - ", "|" or ","), without seniority words first, then as written. "Registered Nurse -
 * ICU (Night Shift)" → ["registered nurse"]; "Senior Data Engineer II" → ["data engineer",
 * "senior data engineer ii"].
 */
export function titleKeys(title: string): string[] {
  const withoutParts = title.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  const head = normalizeTerm(withoutParts.split(/\s[-–—]\s|\||,/)[0] ?? '');
  const words = head.split(' ').filter((word) => !SENIORITY.has(word));
  if (words.length > 1 && LEVEL.test(words.at(-1) ?? '')) words.pop();
  return [...new Set([words.join(' '), head])].filter((key) => key !== '');
}

const stripParentheses = (title: string) => title.replace(/\([^)]*\)/g, ' ');

/** Occupation codes by normalised title: occupation titles, and alternate, short and reported titles. */
async function loadTitleIndex(db: Executor, releaseId: string): Promise<Map<string, Set<string>>> {
  const index = new Map<string, Set<string>>();
  const add = (key: string, code: string) => {
    if (!key) return;
    const codes = index.get(key) ?? new Set<string>();
    codes.add(code);
    index.set(key, codes);
  };
  const [occupations, titles] = await Promise.all([
    db
      .select({ code: lmOccupations.code, title: lmOccupations.title })
      .from(lmOccupations)
      .where(eq(lmOccupations.releaseId, releaseId)),
    db
      .select({
        code: lmOccupationTitles.code,
        title: lmOccupationTitles.title,
        titleNorm: lmOccupationTitles.titleNorm,
      })
      .from(lmOccupationTitles)
      .where(eq(lmOccupationTitles.releaseId, releaseId)),
  ]);
  for (const { code, title } of occupations) add(normalizeTerm(title), code);
  for (const { code, title, titleNorm } of titles) {
    add(titleNorm, code);
    // "Registered Nurse (RN)" is also found as "Registered Nurse".
    add(normalizeTerm(stripParentheses(title)), code);
  }
  return index;
}

/** Technology slugs by normalised name or alias, for the given skills. */
async function loadTechnologies(
  db: Executor,
  releaseId: string,
  skills: string[],
): Promise<Map<string, string>> {
  const norms = [...new Set(skills.map(normalizeTerm).filter((norm) => norm !== ''))];
  const slugs = new Map<string, string>();
  if (norms.length === 0) return slugs;
  const [named, aliased] = await Promise.all([
    db
      .select({ norm: lmTechnologies.nameNorm, slug: lmTechnologies.slug })
      .from(lmTechnologies)
      .where(and(eq(lmTechnologies.releaseId, releaseId), inArray(lmTechnologies.nameNorm, norms))),
    db
      .select({ norm: lmTechnologyAliases.aliasNorm, slug: lmTechnologyAliases.technologySlug })
      .from(lmTechnologyAliases)
      .where(
        and(eq(lmTechnologyAliases.releaseId, releaseId), inArray(lmTechnologyAliases.aliasNorm, norms)),
      ),
  ]);
  // A technology's own name wins over an alias that happens to be spelled the same.
  for (const { norm, slug } of aliased) slugs.set(norm, slug);
  for (const { norm, slug } of named) slugs.set(norm, slug);
  return slugs;
}

/** The candidate whose technologies best match the posting's (hot +0.5, in demand +1); null on a tie. */
async function pickBySkills(db: Executor, releaseId: string, candidates: string[], slugs: string[]) {
  if (slugs.length === 0) return null;
  const links = await db
    .select({
      code: lmOccupationTechnologies.code,
      isInDemand: lmOccupationTechnologies.isInDemand,
      isHot: lmTechnologies.isHot,
    })
    .from(lmOccupationTechnologies)
    .innerJoin(
      lmTechnologies,
      and(
        eq(lmTechnologies.releaseId, lmOccupationTechnologies.releaseId),
        eq(lmTechnologies.slug, lmOccupationTechnologies.technologySlug),
      ),
    )
    .where(
      and(
        eq(lmOccupationTechnologies.releaseId, releaseId),
        inArray(lmOccupationTechnologies.code, candidates),
        inArray(lmOccupationTechnologies.technologySlug, slugs),
      ),
    );
  const scores = new Map<string, number>();
  for (const link of links) {
    const points = 1 + (link.isHot ? 0.5 : 0) + (link.isInDemand ? 1 : 0);
    scores.set(link.code, (scores.get(link.code) ?? 0) + points);
  }
  const ranked = [...scores].sort((a, b) => b[1] - a[1]);
  const [best, next] = ranked;
  return best && (!next || next[1] < best[1]) ? best[0] : null;
}

export type Resolved = { occupationCode: string | null; technologySlugs: string[] };

/**
 * Looks up occupations and technologies for a batch of postings in one release. Without a
 * release, technologies stay unresolved, declared codes are kept as given and titles infer nothing.
 */
export async function createResolver(db: Executor, releaseId: string | null, drafts: PostingDraft[]) {
  if (!releaseId) {
    return async (draft: PostingDraft): Promise<Resolved> => ({
      occupationCode: draft.declaredOccupation,
      technologySlugs: [],
    });
  }
  const declared = [...new Set(drafts.flatMap((d) => (d.declaredOccupation ? [d.declaredOccupation] : [])))];
  const [technologies, known] = await Promise.all([
    loadTechnologies(
      db,
      releaseId,
      drafts.flatMap((d) => d.skills),
    ),
    declared.length === 0
      ? []
      : db
          .select({ code: lmOccupations.code })
          .from(lmOccupations)
          .where(and(eq(lmOccupations.releaseId, releaseId), inArray(lmOccupations.code, declared))),
  ]);
  const knownCodes = new Set(known.map((row) => row.code));
  let titleIndex: Promise<Map<string, Set<string>>> | undefined;

  return async (draft: PostingDraft): Promise<Resolved> => {
    const slugs = [...new Set(draft.skills.flatMap((skill) => technologies.get(normalizeTerm(skill)) ?? []))];
    if (draft.declaredOccupation && knownCodes.has(draft.declaredOccupation)) {
      return { occupationCode: draft.declaredOccupation, technologySlugs: slugs };
    }
    titleIndex ??= loadTitleIndex(db, releaseId);
    const index = await titleIndex;
    const candidates = titleKeys(draft.title)
      .map((key) => index.get(key))
      .find((codes) => codes && codes.size > 0);
    const codes = [...(candidates ?? [])];
    const occupationCode =
      codes.length <= 1 ? (codes[0] ?? null) : await pickBySkills(db, releaseId, codes, slugs);
    return { occupationCode, technologySlugs: slugs };
  };
}
