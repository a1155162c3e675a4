import { normalizeTerm } from '@/lib/labor-market/normalize';

export type WageMatch = 'exact' | 'oews_aggregate' | 'broad' | 'none';
export type WageLink = { code: string; oewsCode: string | null; match: WageMatch };

/**
 * Which OEWS row gives each O*NET occupation its pay, tried in this order against the latest
 * year's `detailed` codes (OEWS publishes wages only for 6-digit SOC codes, so 15-1299.01…09
 * all take 15-1299):
 * 1. exact: OEWS publishes the occupation's SOC code;
 * 2. oews_aggregate: exactly one OEWS-specific code (not any occupation's SOC code, not ending
 *    in 0) shares the first six characters, e.g. 21-1011 → 21-1018;
 * 3. broad: OEWS publishes the broad code (last digit 0), e.g. 13-1021 → 13-1020;
 * 4. none (legislators, military).
 * This reproduces the fixture's onet_to_oews_2025.csv for all 1,016 occupations.
 */
export function linkWages(socByCode: ReadonlyMap<string, string>, detailed: ReadonlySet<string>): WageLink[] {
  const socCodes = new Set(socByCode.values());
  const oewsSpecific = [...detailed].filter((c) => !socCodes.has(c) && !c.endsWith('0'));
  return [...socByCode].map(([code, soc]) => {
    if (detailed.has(soc)) return { code, oewsCode: soc, match: 'exact' };
    const aggregates = oewsSpecific.filter((c) => c.slice(0, 6) === soc.slice(0, 6));
    if (aggregates.length === 1) return { code, oewsCode: aggregates[0] ?? null, match: 'oews_aggregate' };
    const broad = `${soc.slice(0, 6)}0`;
    if (detailed.has(broad)) return { code, oewsCode: broad, match: 'broad' };
    return { code, oewsCode: null, match: 'none' };
  });
}

type Technology = { slug: string; name: string; nameNorm: string };

const ACRONYM_AT_END = /^(.*\S)\s+([A-Z][A-Z0-9]{1,})$/;

/**
 * The alias table of a release: normalised alias → technology slug.
 * - Derived from each name: without a trailing " software" ("Microsoft Azure"), and split at a
 *   trailing all-caps acronym when at least two words precede it ("HTML", "Hypertext markup
 *   language"). A derived key that would point at two technologies (ERP, CAD …) is dropped.
 * - Curated (aliases.ts) entries win over derived ones.
 * - No alias is kept under a key that is itself a technology's name: the exact name wins
 *   ("React" is React, not "… REACT software").
 */
export function deriveAliases(
  technologies: readonly Technology[],
  curated: readonly (readonly [string, string])[],
): { aliases: Map<string, string>; ambiguous: number; warnings: string[] } {
  const byName = new Map<string, string>();
  for (const t of technologies) if (!byName.has(t.nameNorm)) byName.set(t.nameNorm, t.slug);

  const derived = new Map<string, Set<string>>();
  const add = (key: string, slug: string) => {
    if (!key || byName.has(key)) return;
    const slugs = derived.get(key) ?? new Set<string>();
    slugs.add(slug);
    derived.set(key, slugs);
  };
  for (const t of technologies) {
    const base = t.name.replace(/\s+software$/i, '');
    if (base !== t.name) add(normalizeTerm(base), t.slug);
    const acronym = ACRONYM_AT_END.exec(base);
    if (acronym?.[1] && acronym[2] && acronym[1].trim().split(/\s+/).length >= 2) {
      add(normalizeTerm(acronym[2]), t.slug);
      add(normalizeTerm(acronym[1]), t.slug);
    }
  }

  const aliases = new Map<string, string>();
  let ambiguous = 0;
  for (const [key, slugs] of derived) {
    const [slug] = slugs;
    if (slugs.size === 1 && slug) aliases.set(key, slug);
    else ambiguous += 1;
  }
  const warnings: string[] = [];
  for (const [tag, target] of curated) {
    const slug = byName.get(normalizeTerm(target));
    const key = normalizeTerm(tag);
    if (!slug) warnings.push(`curated alias '${tag}': this release has no technology '${target}'`);
    else if (!byName.has(key)) aliases.set(key, slug);
  }
  return { aliases, ambiguous, warnings };
}
