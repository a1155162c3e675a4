import { and, count, eq, gt, inArray, max, min, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { signInFailures } from '@/db/schema';

/** Failures a client may make on one account before each next try has to wait. */
export const FREE_FAILURES = 4;
/** The wait doubles from a minute with each further failure, up to this cap. */
export const MAX_DELAY_MINUTES = 15;
const WINDOW_MINUTES = 60;
/** A client spraying many accounts is stopped for a while, whichever accounts it tries. */
export const CLIENT_LIMIT = 30;

export type SignInKeys = { email: string; client: string };

// Keyed by account and client together, so nobody can lock the owner out from elsewhere.
const keysOf = (k: SignInKeys) => ({ pair: `pair:${k.client}|${k.email}`, client: `client:${k.client}` });

/** How long a client must wait after `failures` failures on one account (0: it may try now). */
export function delayMinutesAfter(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES - 1), MAX_DELAY_MINUTES);
}

/**
 * Seconds until this client may try this account again, or 0. Counted in the database so every
 * app process agrees.
 */
export async function signInWaitSeconds(db: Executor, keys: SignInKeys, now = new Date()): Promise<number> {
  const k = keysOf(keys);
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  const rows = await db
    .select({
      key: signInFailures.key,
      failures: count(),
      oldest: min(signInFailures.at),
      latest: max(signInFailures.at),
    })
    .from(signInFailures)
    .where(and(inArray(signInFailures.key, [k.pair, k.client]), gt(signInFailures.at, since)))
    .groupBy(signInFailures.key);
  let until = 0;
  for (const row of rows) {
    if (row.key === k.pair && row.latest) {
      until = Math.max(until, new Date(row.latest).getTime() + delayMinutesAfter(row.failures) * 60_000);
    }
    if (row.key === k.client && row.oldest && row.failures >= CLIENT_LIMIT) {
      until = Math.max(until, new Date(row.oldest).getTime() + WINDOW_MINUTES * 60_000);
    }
  }
  return Math.max(0, Math.ceil((until - now.getTime()) / 1000));
}

export async function recordSignInFailure(db: Executor, keys: SignInKeys) {
  const k = keysOf(keys);
  await db.insert(signInFailures).values([{ key: k.pair }, { key: k.client }]);
  // Old rows are useless; trimming here keeps the table small without a scheduled job.
  await db
    .delete(signInFailures)
    .where(sql`${signInFailures.at} < now() - make_interval(mins => ${WINDOW_MINUTES * 2})`);
}

/** A successful sign-in forgets this client's failures on the account. */
export async function clearSignInFailures(db: Executor, keys: SignInKeys) {
  await db.delete(signInFailures).where(eq(signInFailures.key, keysOf(keys).pair));
}

export function waitMessage(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
