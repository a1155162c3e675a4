/**
 * What a badge tag means in a release. A tag is normalised (case, accents, punctuation) and then
 * looked for, each way giving the match a confidence between 0 and 1:
 * 1. a technology by its exact name or an alias (1), or by a looser spelling: plurals, spaces and
 *    dots ignored, "Node JS" = "node.js" (0.95);
 * 2. an O*NET skill or knowledge name ("Programming", "Customer and Personal Service");
 * 3. when it names no technology or skill, a phrase of two words or more in occupations' job
 *    titles: "cloud security" is in "Cloud Security Engineer", a title of Information Security
 *    Analysts. One word is too ambiguous in titles ("Rust Proofer", "Flask Fitter"), and a phrase
 *    in the titles of too many occupations says nothing about any of them ("project manager");
 * 4. the synonym table (synonyms.ts), each target looked for as in 1–3 (0.9, or 0.7 for related
 *    terms); a curated target may be one word ("statistician") if few occupations use it;
 * and only when none of that finds anything, 5. a misspelling of a technology, skill or synonym
 * ("Kubernets", "Pyhton"): at most about one typo in five letters, tags of four letters or more,
 * confidence 0.9 × similarity. A tag that is not near anything (nonsense) matches nothing.
 */
import { compactKey, normalizeTerm, termWords } from '../normalize';
import type { Synonym } from '../synonyms';
import { looseText, SYNONYM_BY_KEY, type Vocabulary } from './vocabulary';

/** How a match was made, for the skill page's "how we matched this" line. */
export type MatchHow = 'name' | 'alias' | 'spelling' | 'synonym' | 'related' | 'typo';

type MatchBase = { confidence: number; how: MatchHow };
export type TagMatch =
  | (MatchBase & { kind: 'technology'; slug: string; name: string })
  | (MatchBase & { kind: 'title'; code: string; title: string })
  | (MatchBase & { kind: 'element'; name: string });

export type ResolvedTag = {
  tag: string;
  term: string;
  /** What the tag is called on its skill page. */
  label: string;
  synonym: Synonym | null;
  /** Technologies first, then skills, then titles; one per technology, skill or occupation. */
  matches: TagMatch[];
};

const SYNONYM_CONFIDENCE = 0.9;
const RELATED_CONFIDENCE = 0.7;
const SPELLING_CONFIDENCE = 0.95;
const TYPO_CONFIDENCE = 0.9;
/** Spelling similarity a typo must reach: one edit in five letters. */
const TYPO_SIMILARITY = 0.8;
const MIN_TYPO_LENGTH = 4;
/** A synonym's one-word target in more job titles than this is too common to name a skill. */
const MAX_WORD_OCCUPATIONS = 4;
const MAX_PHRASE_OCCUPATIONS = 30;

export function resolveTag(vocabulary: Vocabulary, tag: string): ResolvedTag {
  const term = normalizeTerm(tag);
  const found = new Map<string, TagMatch>();
  const add = (match: TagMatch) => {
    const key = `${match.kind}:${match.kind === 'technology' ? match.slug : match.kind === 'title' ? match.code : match.name}`;
    const known = found.get(key);
    if (!known || known.confidence < match.confidence) found.set(key, match);
  };
  const synonym = term ? (SYNONYM_BY_KEY.get(compactKey(term)) ?? null) : null;
  if (term) {
    lookUp(vocabulary, term, 1, add, { isCurated: false });
    if (synonym) expandSynonym(vocabulary, synonym, 1, add);
  }
  if (term && found.size === 0 && compactKey(term).length >= MIN_TYPO_LENGTH) {
    const near = vocabulary.fuzzy.search(looseText(term), TYPO_SIMILARITY);
    const best = near[0]?.similarity ?? 0;
    for (const hit of near.filter((h) => h.similarity === best)) {
      const confidence = TYPO_CONFIDENCE * hit.similarity;
      const target = hit.value;
      if (target.kind === 'technology')
        add({ kind: 'technology', ...target.technology, confidence, how: 'typo' });
      else if (target.kind === 'element')
        add({ kind: 'element', name: target.name, confidence, how: 'typo' });
      else expandSynonym(vocabulary, target.synonym, confidence, add);
    }
  }
  const order = { technology: 0, element: 1, title: 2 } as const;
  const matches = [...found.values()].sort(
    (a, b) => order[a.kind] - order[b.kind] || b.confidence - a.confidence,
  );
  const only = matches.length === 1 && matches[0]?.kind === 'technology' ? matches[0] : null;
  return {
    tag: tag.trim(),
    term,
    label: synonym?.label ?? only?.name ?? capitalise(tag.trim()),
    synonym,
    matches,
  };
}

function expandSynonym(vocabulary: Vocabulary, synonym: Synonym, scale: number, add: (m: TagMatch) => void) {
  const how = synonym.relation ? 'related' : 'synonym';
  const confidence = scale * (synonym.relation ? RELATED_CONFIDENCE : SYNONYM_CONFIDENCE);
  for (const target of synonym.means) {
    lookUp(vocabulary, normalizeTerm(target), confidence, (match) => add({ ...match, how }), {
      isCurated: true,
    });
  }
}

/** Steps 1–3 of the file comment for one term, at `confidence`. */
function lookUp(
  vocabulary: Vocabulary,
  term: string,
  confidence: number,
  add: (m: TagMatch) => void,
  { isCurated }: { isCurated: boolean },
) {
  const key = compactKey(term);
  const named = vocabulary.technologyByName.get(term);
  const aliased = named ? undefined : vocabulary.technologyByAlias.get(term);
  const spelled = named || aliased ? undefined : vocabulary.technologyByKey.get(key);
  if (named) add({ kind: 'technology', ...named, confidence, how: 'name' });
  else if (aliased) add({ kind: 'technology', ...aliased, confidence, how: 'alias' });
  else if (spelled)
    add({ kind: 'technology', ...spelled, confidence: confidence * SPELLING_CONFIDENCE, how: 'spelling' });
  const element = vocabulary.elementByKey.get(key);
  if (element) add({ kind: 'element', name: element, confidence, how: 'name' });
  if (named || aliased || spelled || element) return;
  for (const [code, title] of titlesWithPhrase(vocabulary, term, isCurated)) {
    add({ kind: 'title', code, title, confidence, how: 'name' });
  }
}

/** Occupations with a job title containing the term's words in order, with the first such title. */
function titlesWithPhrase(vocabulary: Vocabulary, term: string, isCurated: boolean): Map<string, string> {
  const words = termWords(term);
  const found = new Map<string, string>();
  if (words.length === 0 || (words.length === 1 && !isCurated)) return found;
  const lists = words.map((w) => vocabulary.titleIndex.get(w) ?? []);
  const rarest = lists.reduce((a, b) => (b.length < a.length ? b : a));
  const phrase = ` ${words.join(' ')} `;
  for (const id of rarest) {
    const title = vocabulary.titles[id];
    if (title?.words.includes(phrase) && !found.has(title.code)) found.set(title.code, title.title);
  }
  const limit = words.length === 1 ? MAX_WORD_OCCUPATIONS : MAX_PHRASE_OCCUPATIONS;
  return found.size > limit ? new Map() : found;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
