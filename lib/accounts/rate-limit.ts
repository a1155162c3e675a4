import { and, count, eq, gt, inArray, min, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { signInFailures } from '@/db/schema';

export const WINDOW_MINUTES = 15;
export const LIMITS = { account: 5, client: 20 } as const;

export type SignInKeys = { email: string; client: string };

const keysOf = (k: SignInKeys) => ({ account: `account:${k.email}`, client: `client:${k.client}` });

/**
 * Minutes until sign-in is allowed again for this account or client, or 0 when it is allowed
 * now. Failures are counted in a sliding 15-minute window, in the database so every app
 * process sees the same count.
 */
export async function signInLockMinutes(db: Executor, keys: SignInKeys, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  const k = keysOf(keys);
  const rows = await db
    .select({ key: signInFailures.key, failures: count(), oldest: min(signInFailures.at) })
    .from(signInFailures)
    .where(and(inArray(signInFailures.key, [k.account, k.client]), gt(signInFailures.at, since)))
    .groupBy(signInFailures.key);
  let waitMs = 0;
  for (const row of rows) {
    const limit = row.key === k.account ? LIMITS.account : LIMITS.client;
    if (row.failures >= limit && row.oldest) {
      waitMs = Math.max(waitMs, new Date(row.oldest).getTime() + WINDOW_MINUTES * 60_000 - now.getTime());
    }
  }
  return waitMs > 0 ? Math.ceil(waitMs / 60_000) : 0;
}

export async function recordSignInFailure(db: Executor, keys: SignInKeys) {
  const k = keysOf(keys);
  await db.insert(signInFailures).values([{ key: k.account }, { key: k.client }]);
  // Old rows are useless; trimming here keeps the table small without a scheduled job.
  await db
    .delete(signInFailures)
    .where(sql`${signInFailures.at} < now() - make_interval(mins => ${WINDOW_MINUTES * 4})`);
}

export async function clearAccountFailures(db: Executor, email: string) {
  await db.delete(signInFailures).where(eq(signInFailures.key, keysOf({ email, client: '' }).account));
}
