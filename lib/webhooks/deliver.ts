import 'server-only';
import { and, asc, eq, gt, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { type Poster, safePosterFromEnv } from '@/lib/net/safe-post';
import { decryptWebhookSecret } from './secrets';
import { SIGNATURE_HEADER, signWebhook } from './sign';

export const DELIVERY_TIMEOUT_MS = 10_000;
// Longer than a whole batch (sent in parallel, each within the timeout), so a row is never
// re-claimed while its first attempt is still in flight.
const LOCK_SECONDS = 60;

/** Seconds to wait after failed attempt n: 30 s, 1 min, 2 min … capped at an hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(30 * 2 ** Math.max(0, attempts - 1), 3600);
}

type Claimed = typeof webhookDeliveries.$inferSelect;
type Outcome = { statusCode: number | null; error: string | null; durationMs: number };

const isDue = or(
  and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, sql`now()`)),
  and(eq(webhookDeliveries.status, 'sending'), lte(webhookDeliveries.lockedUntil, sql`now()`)),
);

/** Due deliveries past their 24 hours are failed; the rest are locked for this worker. */
async function claimDue(db: Db, batchSize: number): Promise<Claimed[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(isDue)
      .orderBy(asc(webhookDeliveries.nextAttemptAt))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    const ids = due.map((d) => d.id);
    await tx
      .update(webhookDeliveries)
      .set({ status: 'failed', lockedUntil: null, lastError: 'Gave up: not delivered within 24 hours.' })
      .where(and(inArray(webhookDeliveries.id, ids), lte(webhookDeliveries.giveUpAt, sql`now()`)));
    return tx
      .update(webhookDeliveries)
      .set({
        status: 'sending',
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        lockedUntil: sql`now() + make_interval(secs => ${LOCK_SECONDS})`,
      })
      .where(and(inArray(webhookDeliveries.id, ids), gt(webhookDeliveries.giveUpAt, sql`now()`)))
      .returning();
  });
}

type Endpoint = typeof webhookEndpoints.$inferSelect;

async function attempt(row: Claimed, endpoint: Endpoint, post: Poster, timeoutMs: number): Promise<Outcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const body = JSON.stringify(row.body);
    const headers = {
      'Content-Type': 'application/json',
      [SIGNATURE_HEADER]: signWebhook({ secret: decryptWebhookSecret(endpoint.secretCiphertext), body }),
      'Laurel-Event': row.event,
      'Laurel-Delivery': row.id,
    };
    const { status } = await post(endpoint.url, { body, headers, timeoutMs });
    const isOk = status >= 200 && status < 300;
    return {
      statusCode: status,
      error: isOk ? null : `The endpoint answered HTTP ${status}.`,
      durationMs: elapsed(),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { statusCode: null, error: message.slice(0, 1000), durationMs: elapsed() };
  }
}

async function record(db: Db, row: Claimed, outcome: Outcome): Promise<boolean> {
  await db.insert(webhookAttempts).values({ deliveryId: row.id, attempt: row.attempts, ...outcome });
  if (outcome.error === null) {
    await db
      .update(webhookDeliveries)
      .set({
        status: 'succeeded',
        deliveredAt: sql`now()`,
        lastStatusCode: outcome.statusCode,
        lastError: null,
        lockedUntil: null,
      })
      .where(eq(webhookDeliveries.id, row.id));
    return true;
  }
  const retryAt = new Date(Date.now() + backoffSeconds(row.attempts) * 1000);
  await db
    .update(webhookDeliveries)
    .set({
      status: retryAt >= row.giveUpAt ? 'failed' : 'pending',
      lastStatusCode: outcome.statusCode,
      lastError: outcome.error,
      lockedUntil: null,
      nextAttemptAt: retryAt,
    })
    // Disabling the endpoint meanwhile has already failed the row; leave that as it is.
    .where(and(eq(webhookDeliveries.id, row.id), eq(webhookDeliveries.status, 'sending')));
  return false;
}

async function deliverOne(db: Db, row: Claimed, post: Poster, timeoutMs: number): Promise<boolean> {
  const [endpoint] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, row.endpointId));
  if (!endpoint || endpoint.disabledAt) {
    // Queued in a race with disabling the endpoint: nothing is sent.
    await db
      .update(webhookDeliveries)
      .set({ status: 'failed', lastError: 'The endpoint was disabled.', lockedUntil: null })
      .where(eq(webhookDeliveries.id, row.id));
    return false;
  }
  return record(db, row, await attempt(row, endpoint, post, timeoutMs));
}

/**
 * Claims due deliveries (skipping rows another worker holds), POSTs each signed body to its
 * endpoint and records every attempt. A failure is retried with backoff until 24 hours after
 * the event, then the delivery is failed. Delivery is at least once: a worker that dies after
 * the POST leaves the row to be re-claimed, and receivers dedupe on Laurel-Delivery.
 */
export async function deliverDueWebhooks(input: {
  db: Db;
  post?: Poster;
  batchSize?: number;
  timeoutMs?: number;
}): Promise<{ claimed: number; succeeded: number }> {
  const { db } = input;
  const post = input.post ?? safePosterFromEnv();
  const claimed = await claimDue(db, input.batchSize ?? 20);
  const timeoutMs = input.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  // In parallel, so one slow receiver holds the batch up for at most the timeout.
  const results = await Promise.all(claimed.map((row) => deliverOne(db, row, post, timeoutMs)));
  return { claimed: claimed.length, succeeded: results.filter(Boolean).length };
}
