import 'server-only';
import { z } from 'zod';
import type { Db } from '@/db/client';
import type { Award, Issuer } from '@/db/schema';
import type { Config } from '@/lib/config';
import { AppError, isAppError } from '@/lib/errors';
import { awardInputSchema, fieldErrorsOf } from './award-input';
import { createAward } from './create-award';

export const BULK_AWARD_MAX = 1000;
// Items are awarded a few at a time: rendering one email overlaps another's database work.
const CONCURRENCY = 4;

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

async function createOne(
  opts: { db: Db; config: BulkOptions['config']; issuer: Issuer; idempotencyKey?: string | null },
  item: unknown,
  index: number,
): Promise<BulkItemResult> {
  const parsed = awardInputSchema.safeParse(item);
  if (!parsed.success) {
    return {
      index,
      status: 400,
      detail: 'Some fields are missing or invalid.',
      errors: fieldErrorsOf(parsed.error),
    };
  }
  try {
    const { award, isReplay } = await createAward({
      db: opts.db,
      config: opts.config,
      issuer: opts.issuer,
      input: parsed.data,
      idempotencyKey: opts.idempotencyKey ? itemIdempotencyKey(opts.idempotencyKey, index) : null,
    });
    return { index, status: 201, award, isReplay };
  } catch (error) {
    if (!isAppError(error) || !(error.code in STATUS)) throw error;
    const code = error.code as keyof typeof STATUS;
    const errors =
      error.details?.fieldErrors ?? (code === 'not_found' ? { templateId: [error.message] } : undefined);
    return { index, status: STATUS[code], detail: error.message, ...(errors ? { errors } : {}) };
  }
}

type BulkOptions = {
  db: Db;
  config: Pick<Config, 'appUrl' | 'claimTokenTtlDays' | 'isDemoMode'>;
  issuer: Issuer;
  items: unknown[];
  idempotencyKey?: string | null;
};

/**
 * Awards up to 1,000 badges, each validated and created on its own (one bad row does not stop the
 * others), with a result per item in request order. With an Idempotency-Key each item gets its
 * own key derived from it, so retrying the whole request replays the awards already made and
 * creates only the ones that failed or never ran.
 */
export async function bulkCreateAwards(opts: BulkOptions): Promise<BulkItemResult[]> {
  if (opts.items.length > BULK_AWARD_MAX) {
    throw new AppError('invalid', `Send at most ${BULK_AWARD_MAX} awards per request.`, {
      fieldErrors: { awards: [`must have at most ${BULK_AWARD_MAX} awards`] },
    });
  }
  const results: BulkItemResult[] = new Array(opts.items.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < opts.items.length; index = next++) {
      results[index] = await createOne(opts, opts.items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, opts.items.length) }, worker));
  return results;
}
