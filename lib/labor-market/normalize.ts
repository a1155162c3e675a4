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
