import 'server-only';
import type { Db } from '@/db/client';
import type { Award } from '@/db/schema';
import { isUniqueViolation } from '@/lib/db-errors';
import { type Plan, planAwards } from './plan';
import type { AwardResult, CreateAwardsOptions } from './types';
import { writeAwards } from './write';

export { INVALID_FIELDS } from './plan';
export type { AwardItem, AwardResult, AwardsConfig, CreateAwardsOptions } from './types';
export { FROM_CSV_DETAIL } from './write';

// A key can lose a race once per concurrent request; more than that is not a race.
const MAX_ATTEMPTS = 3;

/**
 * The one way awards are made (API, console, bulk API, CSV upload): one item or a thousand, with
 * a result per item in the items' order. Lookups and email rendering happen first; then one
 * transaction writes every new award with its claim token, claim email, history and webhook
 * events (and the caller's `inTransaction`), so a crash leaves all of them or none.
 *
 * Idempotency: an item whose key has an award already gets that award (a replay: nothing written,
 * nothing sent) when its request fingerprint matches, else a conflict. When another call inserts
 * one of the keys after it was looked up, the unique index refuses this transaction; the call
 * then looks the keys up again and writes the rest, so no other item is lost.
 */
export async function createAwards(db: Db, opts: CreateAwardsOptions): Promise<AwardResult[]> {
  const now = opts.now ?? new Date();
  for (let attempt = 1; ; attempt += 1) {
    const plan = await planAwards(db, { ...opts, now });
    if (plan.fresh.length === 0 && !opts.inTransaction) return resultsOf(plan, new Map());
    try {
      return await db.transaction(async (tx) => {
        const stored = await writeAwards(tx, {
          config: opts.config,
          issuer: opts.issuer,
          fresh: plan.fresh,
          now,
          source: opts.source,
        });
        const results = resultsOf(plan, stored);
        await opts.inTransaction?.(tx, results);
        return results;
      });
    } catch (error) {
      const isKeyRace = plan.fresh.some((f) => f.award.idempotencyKey) && isUniqueViolation(error);
      if (!isKeyRace || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

/** Every item's result: the settled ones as planned, the fresh ones as stored. */
function resultsOf(plan: Plan, stored: Map<string, Award>): AwardResult[] {
  const results = [...plan.settled];
  for (const { index, award } of plan.fresh) {
    const row = stored.get(award.id);
    if (!row) throw new Error('createAwards: an award was not stored');
    results[index] = { ok: true, award: row, isReplay: false };
  }
  return results.map((result, index) => {
    if (!result) throw new Error(`createAwards: item ${index} has no result`);
    return result;
  });
}
