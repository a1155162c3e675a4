import 'server-only';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { apiRequestCounts } from '@/db/schema';

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;

/** API_RATE_LIMIT_PER_MINUTE, or the default; a value that is not a positive whole number is refused. */
export function rateLimitPerMinute(env: Record<string, string | undefined> = process.env): number {
  const raw = env.API_RATE_LIMIT_PER_MINUTE?.trim();
  if (!raw) return DEFAULT_RATE_LIMIT_PER_MINUTE;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new Error('Invalid configuration: API_RATE_LIMIT_PER_MINUTE must be a whole number of at least 1');
  }
  return Number(raw);
}

export type RateLimitState = {
  limit: number;
  remaining: number;
  /** Seconds until the current window ends (at least 1). */
  resetSeconds: number;
  isLimited: boolean;
};

/**
 * Counts one request for an API key in the current fixed one-minute window, shared by every app
 * process through the database (one upsert). Rejected requests count too, so hammering does not
 * earn a retry sooner.
 */
export async function countApiRequest(
  db: Executor,
  input: { keyId: string; limit: number },
): Promise<RateLimitState> {
  const [row] = await db
    .insert(apiRequestCounts)
    .values({ keyId: input.keyId, windowStart: sql`date_trunc('minute', now())`, count: 1 })
    .onConflictDoUpdate({
      target: [apiRequestCounts.keyId, apiRequestCounts.windowStart],
      set: { count: sql`${apiRequestCounts.count} + 1` },
    })
    .returning({
      count: apiRequestCounts.count,
      windowStart: apiRequestCounts.windowStart,
      resetSeconds: sql<string>`extract(epoch from (${apiRequestCounts.windowStart} + interval '1 minute' - now()))`,
    });
  if (!row) throw new Error('request count upsert returned nothing');
  // The first request of a window clears the key's older windows, so the table stays small.
  if (row.count === 1) {
    await db
      .delete(apiRequestCounts)
      .where(and(eq(apiRequestCounts.keyId, input.keyId), lt(apiRequestCounts.windowStart, row.windowStart)));
  }
  return {
    limit: input.limit,
    remaining: Math.max(0, input.limit - row.count),
    resetSeconds: Math.max(1, Math.ceil(Number(row.resetSeconds))),
    isLimited: row.count > input.limit,
  };
}

export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    'RateLimit-Limit': String(state.limit),
    'RateLimit-Remaining': String(state.remaining),
    'RateLimit-Reset': String(state.resetSeconds),
  };
}
