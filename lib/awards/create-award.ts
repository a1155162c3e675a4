import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { type Award, awards, type Issuer } from '@/db/schema';
import type { AwardInput } from './award-input';
import { type AwardsConfig, createAwards } from './create-awards';

/**
 * Awards one badge (the API's POST /awards, the console's form): createAwards with one item, its
 * error thrown. With an idempotency key, a repeat of the same request returns the first award and
 * sends nothing; the same key with a different request is a conflict.
 */
export async function createAward(opts: {
  db: Db;
  config: AwardsConfig;
  issuer: Issuer;
  input: AwardInput;
  idempotencyKey?: string | null;
  now?: Date;
}): Promise<{ award: Award; isReplay: boolean }> {
  const { db, input, idempotencyKey, ...rest } = opts;
  const [result] = await createAwards(db, { ...rest, items: [{ input, idempotencyKey }] });
  if (!result) throw new Error('createAwards returned no result');
  if (!result.ok) throw result.error;
  return { award: result.award, isReplay: result.isReplay };
}

export async function findIssuerAward(db: Db, input: { issuerId: string; awardId: string }) {
  const [row] = await db
    .select()
    .from(awards)
    .where(and(eq(awards.id, input.awardId), eq(awards.issuerId, input.issuerId)));
  return row ?? null;
}
