import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { rateLimitCounters } from '@/db/schema';

type Limit = { max: number; windowSeconds: number };
type Policy = { client: Limit; target?: Limit };

/**
 * Per client (an address from clientKeyFrom) and per target (an email address, a host): the
 * target limit stops a spread-out attack on one person's inbox, the client limit one client
 * hammering many. Client limits leave room for a classroom behind one NAT address.
 */
export const REQUEST_LIMITS = {
  forgotPassword: { client: { max: 20, windowSeconds: 900 }, target: { max: 3, windowSeconds: 3600 } },
  signUp: { client: { max: 50, windowSeconds: 3600 }, target: { max: 3, windowSeconds: 3600 } },
  resendVerification: { client: { max: 20, windowSeconds: 3600 }, target: { max: 3, windowSeconds: 3600 } },
  // A signed-in user adding an address to their account (the client is the user): each add mails it.
  addEmail: { client: { max: 10, windowSeconds: 3600 }, target: { max: 3, windowSeconds: 3600 } },
  verifyBadge: { client: { max: 30, windowSeconds: 600 }, target: { max: 60, windowSeconds: 600 } },
  // "Was this badge awarded to <address>?" on a public badge: the target is the badge.
  emailCheck: { client: { max: 10, windowSeconds: 900 }, target: { max: 30, windowSeconds: 900 } },
  // Adding badges earned elsewhere: the client is the account; the target the host of a pasted URL.
  importBadge: { client: { max: 60, windowSeconds: 600 }, target: { max: 60, windowSeconds: 600 } },
} satisfies Record<string, Policy>;

export type LimitedAction = keyof typeof REQUEST_LIMITS;
/** ok, or which limit was reached: the client's (say so) or the target's (callers stay silent). */
export type LimitOutcome = 'ok' | 'client' | 'target';

// Counters name clients and addresses: only a digest of the name rests in the table.
const counterKey = (name: string) => createHash('sha256').update(name).digest('base64url');

/** The keys of every counter that names `target` (an address), to erase with its account. */
export function targetCounterKeys(target: string): string[] {
  const normalized = target.trim().toLowerCase();
  return Object.keys(REQUEST_LIMITS).map((action) => counterKey(`${action}:target:${normalized}`));
}

/** Counts one request in a fixed window; true while the count is within `limit`. */
async function count(db: Executor, name: string, limit: Limit): Promise<boolean> {
  const key = counterKey(name);
  const windowStart = sql`to_timestamp(floor(extract(epoch from now()) / ${limit.windowSeconds}) * ${limit.windowSeconds})`;
  const [row] = await db
    .insert(rateLimitCounters)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimitCounters.key, rateLimitCounters.windowStart],
      set: { count: sql`${rateLimitCounters.count} + 1` },
    })
    .returning({ count: rateLimitCounters.count });
  const hits = row?.count ?? 1;
  // A new window is a good moment to drop finished ones; no scheduled job needed.
  if (hits === 1) {
    await db
      .delete(rateLimitCounters)
      .where(sql`${rateLimitCounters.windowStart} < now() - interval '1 day'`);
  }
  return hits <= limit.max;
}

/**
 * Counts one request of `input.client` (and of `input.target`, if given) for `action`. `clientMax`
 * replaces the policy's per-client maximum (same window) where configuration sets one.
 */
export async function checkRequestLimit(
  db: Executor,
  input: { action: LimitedAction; client: string; target?: string; clientMax?: number },
): Promise<LimitOutcome> {
  const policy: Policy = REQUEST_LIMITS[input.action];
  const client = { ...policy.client, max: input.clientMax ?? policy.client.max };
  if (!(await count(db, `${input.action}:client:${input.client}`, client))) return 'client';
  if (input.target !== undefined && policy.target) {
    const target = input.target.trim().toLowerCase();
    if (!(await count(db, `${input.action}:target:${target}`, policy.target))) return 'target';
  }
  return 'ok';
}

export const TOO_MANY_REQUESTS = 'Too many requests from your network. Wait a few minutes and try again.';
