/**
 * Loose string comparison for tags that are spelled differently from any known name: character
 * trigrams (as PostgreSQL's pg_trgm makes them) to find candidates quickly, and an edit distance
 * that counts a swapped pair of letters as one typo to confirm them. Done in TypeScript rather
 * than with pg_trgm, which neither every PostgreSQL server nor the embedded PGlite has enabled.
 */

/** Trigrams of each word, padded the way pg_trgm pads: two spaces before, one after. */
export function trigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const word of text.split(' ')) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i += 1) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i += 1) d[i * cols] = i;
  for (let j = 0; j < cols; j += 1) d[j] = j;
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (d[(i - 1) * cols + j] ?? 0) + 1,
        (d[i * cols + j - 1] ?? 0) + 1,
        (d[(i - 1) * cols + j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (d[(i - 2) * cols + j - 2] ?? 0) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1] ?? 0;
}

/** 1 for the same text, falling with each typo relative to the length (a swap is one typo). */
export function spellingSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}

/** Shared trigrams over all trigrams (Dice): high for the same words in another order. */
export function trigramSimilarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

const MIN_CANDIDATE_DICE = 0.3;

/** An index of names by trigram, to find the few worth an edit-distance comparison. */
export class TrigramIndex<T> {
  private readonly entries: { text: string; grams: Set<string>; value: T }[] = [];
  private readonly postings = new Map<string, number[]>();

  add(text: string, value: T): void {
    const id = this.entries.length;
    const grams = trigrams(text);
    this.entries.push({ text, grams, value });
    for (const gram of grams) {
      const list = this.postings.get(gram);
      if (list) list.push(id);
      else this.postings.set(gram, [id]);
    }
  }

  /**
   * Entries at least `threshold` similar to `text` (the better of spelling and trigram
   * similarity), best first. Candidates must share trigrams with it at all.
   */
  search(text: string, threshold: number): { text: string; value: T; similarity: number }[] {
    const grams = trigrams(text);
    const shared = new Map<number, number>();
    for (const gram of grams) {
      for (const id of this.postings.get(gram) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    const found: { text: string; value: T; similarity: number }[] = [];
    for (const [id, count] of shared) {
      const entry = this.entries[id];
      if (!entry) continue;
      const dice = (2 * count) / (grams.size + entry.grams.size);
      // Names sharing this few trigrams are more than a typo or two away.
      if (dice < MIN_CANDIDATE_DICE) continue;
      // Trigrams forgive words in another order, but also a name inside a longer one ("security"
      // in "it security"): they count only between names of about the same length.
      const isSameLength =
        Math.min(text.length, entry.text.length) / Math.max(text.length, entry.text.length) >= 0.9;
      const similarity = Math.max(isSameLength ? dice : 0, spellingSimilarity(text, entry.text));
      if (similarity >= threshold) found.push({ text: entry.text, value: entry.value, similarity });
    }
    return found.sort((a, b) => b.similarity - a.similarity || a.text.localeCompare(b.text));
  }
}
