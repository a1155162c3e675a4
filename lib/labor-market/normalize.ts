/**
 * How names are compared and turned into URLs, shared by the importers, tag matching and search:
 * lower case, accents folded, and anything but letters, digits, "+", "#" and "." becomes a space.
 */
export function normalizeTerm(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9+#.]+/g, ' ')
    .replace(/\.(?=\s|$)/g, '')
    .trim()
    .replace(/\s+/g, ' ');
}

/** A URL key for a technology that keeps "C", "C++" and "C#" apart. */
export function slugify(value: string): string {
  return normalizeTerm(value)
    .replace(/\+/g, ' plus ')
    .replace(/#/g, ' sharp ')
    .replace(/\./g, ' dot ')
    .trim()
    .replace(/\s+/g, '-');
}

/** slugify() undone as far as it can be: the words a skill URL names ("c-plus-plus" → "c++"). */
export function unslugify(slug: string): string {
  return normalizeTerm(
    slug
      .replace(/-/g, ' ')
      .replace(/(^| )plus(?= |$)/g, '+')
      .replace(/(^| )sharp(?= |$)/g, '#')
      .replace(/ dot (?=\S)/g, '.'),
  );
}

/** Words that say nothing about a skill on their own. */
const STOP_WORDS = new Set(['a', 'an', 'and', 'for', 'in', 'of', 'on', 'the', 'to', 'with', '&']);

/**
 * A word's singular, roughly: "analysts" → "analyst", "technologies" → "technology",
 * "databases" → "database". Both sides of a comparison go through it, so a crude rule is
 * enough; short words, names like "node.js" and "-ss", "-us", "-is" endings are left alone.
 */
export function stemWord(word: string): string {
  if (word.length <= 3 || !word.endsWith('s') || /[^a-z]/.test(word)) return word;
  if (/(ss|us|is)$/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/** A normalised term's words, singular, without stop words: what loose comparison looks at. */
export function termWords(term: string): string[] {
  return term
    .split(' ')
    .filter((w) => w && !STOP_WORDS.has(w))
    .map(stemWord);
}

/**
 * The loosest exact key: singular words run together without dots ("Node JS", "node.js" and
 * "NodeJS" all give "nodejs"; "Data Bases" and "database" both "database").
 */
export function compactKey(term: string): string {
  return termWords(term).join('').replace(/\./g, '');
}
