import type { Tx } from '@/db/client';
import type { Award, Issuer } from '@/db/schema';
import type { Config } from '@/lib/config';
import type { AppError } from '@/lib/errors';
import type { AwardInput } from '../award-input';

export type AwardsConfig = Pick<Config, 'appUrl' | 'claimTokenTtlDays' | 'isDemoMode'>;

/**
 * One award to make: an input already validated by `awardInputSchema` (the API's single award, the
 * console), or `raw` to validate here, an invalid one being that item's result (bulk). With an
 * idempotency key, the same request again gets the first award.
 */
export type AwardItem = { idempotencyKey?: string | null } & ({ input: AwardInput } | { raw: unknown });

/**
 * Each item's outcome, in the items' order. Errors are AppErrors: 'invalid' (with fieldErrors),
 * 'not_found' (no such active template of this issuer), 'conflict' (the key with another request).
 */
export type AwardResult = { ok: true; award: Award; isReplay: boolean } | { ok: false; error: AppError };

export type CreateAwardsOptions = {
  config: AwardsConfig;
  issuer: Issuer;
  items: AwardItem[];
  now?: Date;
  /** A CSV upload says so in each award's history. */
  source?: 'csv';
  /**
   * Runs last in the transaction that writes the awards, with every item's result, so what the
   * caller records about them commits with them (the bulk runner's row outcomes).
   */
  inTransaction?: (tx: Tx, results: AwardResult[]) => Promise<void>;
};
