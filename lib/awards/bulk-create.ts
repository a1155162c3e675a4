import 'server-only';
import { z } from 'zod';
import type { Db } from '@/db/client';
import type { Award, Issuer } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { awardInputSchema } from './award-input';
import { type AwardResult, type AwardsConfig, createAwards } from './create-awards';

export const BULK_AWARD_MAX = 1000;

const envelope = <T extends z.ZodType>(item: T) =>
  z
    .object({
      awards: z
        .array(item, { message: 'must be a list of awards' })
        .min(1, 'needs at least one award')
        .max(BULK_AWARD_MAX, `must have at most ${BULK_AWARD_MAX} awards`),
    })
    .strict();

/** What the route parses: the list itself; each item is then validated on its own. */
export const bulkAwardEnvelopeSchema = envelope(z.unknown());
/** The same request as documented: each item is an award input. */
export const bulkAwardRequestSchema = envelope(awardInputSchema);

export type BulkItemResult =
  | { index: number; status: 201; award: Award; isReplay: boolean }
  | { index: number; status: 400 | 404 | 409; detail: string; errors?: Record<string, string[]> };

const STATUS = { invalid: 400, not_found: 404, conflict: 409 } as const;

/** The key one item is created with: the request's key and the item's place, never another request's. */
export const itemIdempotencyKey = (requestKey: string, index: number) => `bulk:${index}:${requestKey}`;

function bulkResult(result: AwardResult, index: number): BulkItemResult {
  if (result.ok) return { index, status: 201, award: result.award, isReplay: result.isReplay };
  const { error } = result;
  if (!(error.code in STATUS)) throw error;
  const code = error.code as keyof typeof STATUS;
  const errors = error.fieldErrors ?? (code === 'not_found' ? { templateId: [error.message] } : undefined);
  return { index, status: STATUS[code], detail: error.message, ...(errors ? { errors } : {}) };
}

/**
 * Awards up to 1,000 badges in one createAwards call (one transaction), each item validated on its
 * own so one bad item does not stop the others, with a result per item in request order. With an
 * Idempotency-Key each item gets its own key derived from it, so retrying the whole request
 * replays the awards already made and creates only the ones that failed or never ran.
 */
export async function bulkCreateAwards(opts: {
  db: Db;
  config: AwardsConfig;
  issuer: Issuer;
  items: unknown[];
  idempotencyKey?: string | null;
}): Promise<BulkItemResult[]> {
  if (opts.items.length > BULK_AWARD_MAX) {
    throw new AppError('invalid', `Send at most ${BULK_AWARD_MAX} awards per request.`, {
      fieldErrors: { awards: [`must have at most ${BULK_AWARD_MAX} awards`] },
    });
  }
  const { idempotencyKey } = opts;
  const results = await createAwards(opts.db, {
    config: opts.config,
    issuer: opts.issuer,
    items: opts.items.map((raw, index) => ({
      raw,
      idempotencyKey: idempotencyKey ? itemIdempotencyKey(idempotencyKey, index) : null,
    })),
  });
  return results.map(bulkResult);
}
