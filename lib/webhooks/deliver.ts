import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { type Poster, safePosterFromEnv } from '@/lib/net/safe-post';
import { JOB_KINDS } from '@/lib/queue/kinds';
import { decryptWebhookSecret } from './secrets';
import { SIGNATURE_HEADER, signWebhook } from './sign';

export const DELIVERY_TIMEOUT_MS = 10_000;

type Claimed = typeof webhookDeliveries.$inferSelect;
type Outcome = { statusCode: number | null; error: string | null; durationMs: number };

/** Raised to have the queue try a delivery again later (with its backoff). */
export class RetryDelivery extends Error {}

/** Marks the delivery as being sent; null when it is settled already (jobs may repeat). */
async function claim(db: Db, deliveryId: string): Promise<Claimed | null> {
  const [row] = await db
    .update(webhookDeliveries)
    .set({ status: 'sending', attempts: sql`${webhookDeliveries.attempts} + 1` })
    .where(
      and(eq(webhookDeliveries.id, deliveryId), inArray(webhookDeliveries.status, ['pending', 'sending'])),
    )
    .returning();
  return row ?? null;
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

/**
 * Keeps the attempt, and settles the delivery: succeeded, or failed for good when the queue has
 * no attempt left or its 24 hours are over. Returns whether to try again.
 */
async function record(
  db: Db,
  row: Claimed,
  outcome: Outcome,
  isLastAttempt: boolean,
): Promise<'succeeded' | 'failed' | 'retry'> {
  await db.insert(webhookAttempts).values({ deliveryId: row.id, attempt: row.attempts, ...outcome });
  if (outcome.error === null) {
    await db
      .update(webhookDeliveries)
      .set({
        status: 'succeeded',
        deliveredAt: sql`now()`,
        lastStatusCode: outcome.statusCode,
        lastError: null,
      })
      .where(eq(webhookDeliveries.id, row.id));
    return 'succeeded';
  }
  // No retry can come before the queue's shortest backoff: past the 24 hours by then, it is over now.
  const isOver = isLastAttempt || row.giveUpAt.getTime() <= Date.now() + JOB_KINDS.webhook.retryDelay * 1000;
  const [updated] = await db
    .update(webhookDeliveries)
    .set({
      status: isOver ? 'failed' : 'pending',
      lastStatusCode: outcome.statusCode,
      lastError:
        isOver && !isLastAttempt ? `${outcome.error} Gave up: not delivered within 24 hours.` : outcome.error,
    })
    // Disabling the endpoint meanwhile has already failed the row; leave that as it is.
    .where(and(eq(webhookDeliveries.id, row.id), eq(webhookDeliveries.status, 'sending')))
    .returning({ status: webhookDeliveries.status });
  return updated?.status === 'pending' ? 'retry' : 'failed';
}

/**
 * Delivers one webhook (the `webhook` job): POSTs the signed body to its endpoint and records the
 * attempt. A failure throws RetryDelivery so the queue tries again with backoff, until its last
 * attempt or 24 hours after the event; then the delivery is failed and can be retried from the
 * console. Delivery is at least once: a worker that dies after the POST leaves the job to be taken
 * again, and receivers dedupe on Laurel-Delivery.
 */
export async function deliverWebhook(input: {
  db: Db;
  deliveryId: string;
  isLastAttempt: boolean;
  post?: Poster;
  timeoutMs?: number;
}): Promise<'succeeded' | 'failed' | 'settled'> {
  const { db } = input;
  const row = await claim(db, input.deliveryId);
  if (!row) return 'settled';
  if (row.giveUpAt.getTime() <= Date.now()) {
    await db
      .update(webhookDeliveries)
      .set({ status: 'failed', lastError: 'Gave up: not delivered within 24 hours.' })
      .where(eq(webhookDeliveries.id, row.id));
    return 'failed';
  }
  const [endpoint] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, row.endpointId));
  if (!endpoint || endpoint.disabledAt) {
    // Queued in a race with disabling the endpoint: nothing is sent.
    await db
      .update(webhookDeliveries)
      .set({ status: 'failed', lastError: 'The endpoint was disabled.' })
      .where(eq(webhookDeliveries.id, row.id));
    return 'failed';
  }
  const outcome = await attempt(
    row,
    endpoint,
    input.post ?? safePosterFromEnv(),
    input.timeoutMs ?? DELIVERY_TIMEOUT_MS,
  );
  const result = await record(db, row, outcome, input.isLastAttempt);
  if (result === 'retry') throw new RetryDelivery(outcome.error ?? 'delivery failed');
  return result;
}
