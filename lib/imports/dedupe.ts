import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so the same credential always gives the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * One badge, however it arrives (baked PNG, SVG, JSON or JWT of the same credential): its
 * assertion or credential id, else a hash of the canonical document.
 */
export function dedupeKeyOf(document: Record<string, unknown>): string {
  const id = document.id;
  if (typeof id === 'string' && id.trim() !== '') return `id:${id.trim()}`;
  return `sha256:${createHash('sha256').update(canonical(document)).digest('hex')}`;
}
