import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import {
  lmOccupationRatings,
  lmOccupations,
  lmOccupationTitles,
  lmTechnologies,
  lmTechnologyAliases,
} from '@/db/schema';
import { buildVocabulary, type Vocabulary } from './vocabulary';

/** Releases change rarely; a few are kept so tests and a release switch don't rebuild constantly. */
const KEPT = 3;
const cache = new Map<string, Promise<Vocabulary>>();

/** The release's vocabulary, built on first use in this process (a full release: about a second). */
export function loadVocabulary(db: Executor, releaseId: string): Promise<Vocabulary> {
  const cached = cache.get(releaseId);
  if (cached) return cached;
  const loading = readVocabulary(db, releaseId);
  cache.set(releaseId, loading);
  loading.catch(() => cache.delete(releaseId));
  while (cache.size > KEPT) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return loading;
}

async function readVocabulary(db: Executor, releaseId: string): Promise<Vocabulary> {
  const [technologies, aliases, elements, occupations, titles] = await Promise.all([
    db
      .select({ slug: lmTechnologies.slug, name: lmTechnologies.name, nameNorm: lmTechnologies.nameNorm })
      .from(lmTechnologies)
      .where(eq(lmTechnologies.releaseId, releaseId)),
    db
      .select({ aliasNorm: lmTechnologyAliases.aliasNorm, slug: lmTechnologyAliases.technologySlug })
      .from(lmTechnologyAliases)
      .where(eq(lmTechnologyAliases.releaseId, releaseId)),
    db
      .selectDistinct({ name: lmOccupationRatings.elementName })
      .from(lmOccupationRatings)
      .where(eq(lmOccupationRatings.releaseId, releaseId)),
    db
      .select({ code: lmOccupations.code, title: lmOccupations.title })
      .from(lmOccupations)
      .where(eq(lmOccupations.releaseId, releaseId)),
    db
      .selectDistinct({ code: lmOccupationTitles.code, title: lmOccupationTitles.title })
      .from(lmOccupationTitles)
      .where(eq(lmOccupationTitles.releaseId, releaseId))
      .orderBy(sql`1, 2`),
  ]);
  return buildVocabulary({
    technologies,
    aliases,
    elements: elements.map((e) => e.name),
    titles: [...occupations, ...titles],
  });
}
