import { AppError } from '@/lib/errors';

/** One item of a feed, in file order (`position` counts from 1), or why it could not be read. */
export type FeedEntry = { position: number; value: unknown } | { position: number; error: string };

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

function tryParse(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The postings a JSON value holds: an array, a JSON-LD document with `@graph`, or one object. */
function itemsOf(value: unknown): unknown[] {
  if (Array.isArray(value))
    return value.flatMap((item) => (isObject(item) && item['@graph'] ? itemsOf(item) : [item]));
  if (isObject(value) && Array.isArray(value['@graph'])) return value['@graph'];
  return [value];
}

/**
 * Splits a feed into its items: a JSON array, a single object, a JSON-LD `@graph`, or JSON lines
 * (one object per line; a line that is not JSON becomes an error entry, the others still count).
 */
export function readFeedEntries(text: string): FeedEntry[] {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') throw new AppError('invalid', 'The feed is empty.');
  const whole = tryParse(body);
  if (whole.ok) return itemsOf(whole.value).map((value, i) => ({ position: i + 1, value }));

  const lines = body
    .split(/\r?\n/)
    .flatMap((line, i) => (line.trim() === '' ? [] : [{ line, number: i + 1 }]));
  const parsed = lines.map(({ line, number }) => ({ number, result: tryParse(line) }));
  if (lines.length < 2 || parsed.every(({ result }) => !result.ok)) {
    throw new AppError('invalid', `The feed is neither JSON nor JSON lines (${whole.message}).`);
  }
  const entries: FeedEntry[] = [];
  for (const { number, result } of parsed) {
    if (!result.ok) entries.push({ position: entries.length + 1, error: `line ${number} is not valid JSON` });
    else for (const value of itemsOf(result.value)) entries.push({ position: entries.length + 1, value });
  }
  return entries;
}

const JOB_POSTING_TYPE = /^(?:(?:https?:\/\/)?schema\.org\/|schema:)?JobPosting$/;

/** The item's `@type` when it is not a JobPosting (undefined when it is one). */
export function wrongType(value: unknown): string | undefined {
  if (!isObject(value))
    return Array.isArray(value) ? 'an array' : `a ${value === null ? 'null' : typeof value}`;
  const type = value['@type'];
  const types = Array.isArray(type) ? type : [type];
  if (types.some((t) => typeof t === 'string' && JOB_POSTING_TYPE.test(t))) return undefined;
  return type === undefined ? 'no @type' : JSON.stringify(type);
}

/** The identifier of a raw item, for reports about items that failed validation. */
export function rawIdentifier(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  const id = value.identifier;
  const raw = isObject(id) ? id.value : id;
  return typeof raw === 'string' || typeof raw === 'number' ? String(raw) : undefined;
}
