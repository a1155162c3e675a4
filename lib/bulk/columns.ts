import type { BulkRowInput } from '@/db/schema';

export type BulkField = keyof BulkRowInput;

/** Header names people actually use, compared without case, spaces, dashes or underscores. */
const ALIASES: Record<BulkField, string[]> = {
  email: ['email', 'recipient email', 'email address'],
  name: ['name', 'full name', 'recipient name'],
  issuedAt: ['issued', 'issued at', 'issue date', 'issued date', 'issued on'],
  expiresAt: ['expires', 'expires at', 'expiry', 'expiry date', 'expiration date', 'expires on'],
  evidenceUrl: ['evidence', 'evidence url'],
  evidenceNarrative: ['narrative', 'evidence narrative'],
};

const squash = (header: string) => header.toLowerCase().replace(/[\s_-]+/g, '');

const FIELD_BY_HEADER = new Map(
  Object.entries(ALIASES).flatMap(([field, names]) => names.map((n) => [squash(n), field as BulkField])),
);

export type ColumnMap = Map<BulkField, { index: number; header: string }>;

/** Which column holds which field, or the one message that explains why the header is unusable. */
export function mapColumns(headerRow: string[]): { columns: ColumnMap } | { error: string } {
  const columns: ColumnMap = new Map();
  for (const [index, raw] of headerRow.entries()) {
    const header = raw.trim();
    const field = FIELD_BY_HEADER.get(squash(header));
    if (!field) continue; // Extra columns (notes, IDs) are common and harmless.
    const earlier = columns.get(field);
    if (earlier) {
      return { error: `The columns "${earlier.header}" and "${header}" hold the same thing; keep one.` };
    }
    columns.set(field, { index, header });
  }
  const missing = (['email', 'name'] as const).filter((f) => !columns.has(f));
  if (missing.length > 0) {
    const found = headerRow.map((h) => h.trim()).filter(Boolean);
    return {
      error:
        `The first row must name the columns, and it has no ${missing.join(' or ')} column. ` +
        `Found: ${found.length ? found.map((h) => `"${h}"`).join(', ') : 'nothing'}.`,
    };
  }
  return { columns };
}
