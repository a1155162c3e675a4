import 'server-only';
import { and, desc, eq, gt, inArray, isNotNull, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db/client';
import { type Award, awards, bulkJobRows } from '@/db/schema';

/**
 * What the list filters on. `revoked` and `expired` are derived: revoked means revokedAt is set;
 * expired means not revoked and expiresAt has passed; the other states are awards in that state
 * that are neither revoked nor expired. Every award is in exactly one of them.
 */
export const AWARD_LIST_STATES = [
  'pending',
  'accepted',
  'declined',
  'opted_out',
  'revoked',
  'expired',
] as const;
export type AwardListState = (typeof AWARD_LIST_STATES)[number];

type Cursor = { createdAt: string; id: string };

const cursorSchema = z.object({
  createdAt: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
  id: z.uuid(),
});

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

export function decodeCursor(value: string): Cursor | null {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown[];
    const parsed = cursorSchema.safeParse({ createdAt, id });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The query string of GET /api/v1/awards. */
export const awardListQuerySchema = z
  .object({
    templateId: z.uuid({ message: 'must be a template id (UUID)' }).optional(),
    state: z
      .enum(AWARD_LIST_STATES, { message: `must be one of ${AWARD_LIST_STATES.join(', ')}` })
      .optional(),
    email: z.string().trim().toLowerCase().min(1).max(254).optional().meta({
      description: 'Only awards to exactly this recipient address (case-insensitive).',
    }),
    emailContains: z.string().trim().toLowerCase().min(1).max(254).optional().meta({
      description: 'Only awards whose recipient address contains this text (case-insensitive).',
    }),
    cursor: z
      .string()
      .max(200)
      .refine((v) => decodeCursor(v) !== null, { message: 'is not a cursor this API returned' })
      .optional()
      .meta({ description: 'The nextCursor of the previous page; omit it for the first page.' }),
    limit: z
      .string()
      .regex(/^\d+$/, 'must be a whole number from 1 to 100')
      .transform(Number)
      .pipe(z.number().min(1, 'must be at least 1').max(100, 'must be at most 100'))
      .optional()
      .meta({ description: 'Awards per page, 1 to 100 (default 25).' }),
  })
  .strict();

export type AwardListQuery = z.output<typeof awardListQuerySchema>;

function stateCondition(state: AwardListState): SQL | undefined {
  const isExpired = and(isNotNull(awards.expiresAt), lte(awards.expiresAt, sql`now()`));
  if (state === 'revoked') return isNotNull(awards.revokedAt);
  if (state === 'expired') return and(isNull(awards.revokedAt), isExpired);
  return and(
    eq(awards.state, state),
    isNull(awards.revokedAt),
    or(isNull(awards.expiresAt), gt(awards.expiresAt, sql`now()`)),
  );
}

/** The awards a bulk upload made (not those it found already there). */
function awardsMadeBy(db: Executor, jobId: string) {
  return db
    .select({ id: sql<string>`${bulkJobRows.awardId}` })
    .from(bulkJobRows)
    .where(and(eq(bulkJobRows.jobId, jobId), eq(bulkJobRows.status, 'awarded')));
}

// LIKE treats % and _ as wildcards; an address may contain _ (and, quoted, even %).
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One page of an issuer's awards, newest first, with an opaque cursor for the next page; with
 * `bulkJobId` (the console's link from a finished upload), only the awards that upload made. The
 * cursor holds the last row's exact (microsecond) creation time and id, so a page boundary never
 * skips or repeats awards made in the same millisecond.
 */
export async function listAwards(
  db: Executor,
  input: { issuerId: string; query: AwardListQuery; bulkJobId?: string },
): Promise<{ awards: Award[]; nextCursor: string | null }> {
  const { query } = input;
  const limit = query.limit ?? 25;
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await db
    .select({
      award: awards,
      cursorAt: sql<string>`to_char(${awards.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(awards)
    .where(
      and(
        eq(awards.issuerId, input.issuerId),
        query.templateId ? eq(awards.templateId, query.templateId) : undefined,
        input.bulkJobId ? inArray(awards.id, awardsMadeBy(db, input.bulkJobId)) : undefined,
        query.state ? stateCondition(query.state) : undefined,
        query.email ? eq(awards.recipientEmail, query.email) : undefined,
        query.emailContains
          ? sql`${awards.recipientEmail} like ${`%${likeEscaped(query.emailContains)}%`}`
          : undefined,
        cursor
          ? sql`(${awards.createdAt}, ${awards.id}) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(awards.createdAt), desc(awards.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    awards: page.map((r) => r.award),
    nextCursor:
      rows.length > limit && last ? encodeCursor({ createdAt: last.cursorAt, id: last.award.id }) : null,
  };
}
