/**
 * Everything a badge tag can be matched against in one release, held in memory: technology names
 * and aliases, O*NET skill and knowledge names, and every occupation's titles (its own, alternate,
 * short and reported: about 65,000 in a full release). Built once per release and process, then
 * a tag resolves without a query.
 */
import { compactKey, normalizeTerm, termWords } from '../normalize';
import { SYNONYMS, type Synonym } from '../synonyms';
import { TrigramIndex } from './fuzzy';

export type Technology = { slug: string; name: string };

export type FuzzyTarget =
  | { kind: 'technology'; technology: Technology }
  | { kind: 'element'; name: string }
  | { kind: 'synonym'; synonym: Synonym };

export type Vocabulary = {
  technologyByName: Map<string, Technology>;
  technologyByAlias: Map<string, Technology>;
  /** By compactKey; null where two technologies share a key. */
  technologyByKey: Map<string, Technology | null>;
  /** O*NET skill and knowledge names by compactKey. */
  elementByKey: Map<string, string>;
  /** Each title's words padded with spaces (" cloud security engineer "), for phrase search. */
  titles: { code: string; title: string; words: string }[];
  /** Title indexes by word. */
  titleIndex: Map<string, number[]>;
  fuzzy: TrigramIndex<FuzzyTarget>;
};

export type VocabularyRows = {
  technologies: { slug: string; name: string; nameNorm: string }[];
  aliases: { aliasNorm: string; slug: string }[];
  elements: string[];
  titles: { code: string; title: string }[];
};

/** Synonyms by the compactKey of each of their tags. */
export const SYNONYM_BY_KEY: ReadonlyMap<string, Synonym> = new Map(
  SYNONYMS.flatMap((s) => s.tags.map((tag) => [compactKey(normalizeTerm(tag)), s] as const)),
);

/** The words loose matching compares, as one string: "Kubernetes" → "kubernete". */
export const looseText = (term: string) => termWords(term).join(' ');

export function buildVocabulary(rows: VocabularyRows): Vocabulary {
  const fuzzy = new TrigramIndex<FuzzyTarget>();
  const technologyByName = new Map<string, Technology>();
  const technologyByKey = new Map<string, Technology | null>();
  const bySlug = new Map<string, Technology>();
  const keyFor = (key: string, technology: Technology) => {
    if (!key) return;
    const known = technologyByKey.get(key);
    technologyByKey.set(key, known === undefined || known?.slug === technology.slug ? technology : null);
  };
  for (const row of rows.technologies) {
    const technology = { slug: row.slug, name: row.name };
    technologyByName.set(row.nameNorm, technology);
    bySlug.set(row.slug, technology);
    keyFor(compactKey(row.nameNorm), technology);
    fuzzy.add(looseText(row.nameNorm), { kind: 'technology', technology });
  }
  const technologyByAlias = new Map<string, Technology>();
  for (const row of rows.aliases) {
    const technology = bySlug.get(row.slug);
    if (!technology) continue;
    technologyByAlias.set(row.aliasNorm, technology);
    keyFor(compactKey(row.aliasNorm), technology);
    fuzzy.add(looseText(row.aliasNorm), { kind: 'technology', technology });
  }
  const elementByKey = new Map<string, string>();
  for (const name of rows.elements) {
    const term = normalizeTerm(name);
    elementByKey.set(compactKey(term), name);
    fuzzy.add(looseText(term), { kind: 'element', name });
  }
  for (const synonym of SYNONYMS) {
    for (const tag of synonym.tags) fuzzy.add(looseText(normalizeTerm(tag)), { kind: 'synonym', synonym });
  }
  const titles: Vocabulary['titles'] = [];
  const titleIndex = new Map<string, number[]>();
  for (const { code, title } of rows.titles) {
    const words = termWords(normalizeTerm(title));
    const id = titles.length;
    titles.push({ code, title, words: ` ${words.join(' ')} ` });
    for (const word of new Set(words)) {
      const list = titleIndex.get(word);
      if (list) list.push(id);
      else titleIndex.set(word, [id]);
    }
  }
  return { technologyByName, technologyByAlias, technologyByKey, elementByKey, titles, titleIndex, fuzzy };
}
