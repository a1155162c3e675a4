import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { type Award, webhookDeliveries, webhookEndpoints, type webhookEvent } from '@/db/schema';
import { presentAward } from '@/lib/awards/present';
import { getConfig } from '@/lib/config';
import { enqueueJobs } from '@/lib/queue/enqueue';
import { findActiveEndpoint } from './endpoints';

export type WebhookEvent = (typeof webhookEvent.enumValues)[number];
export type AwardWebhookEvent = Exclude<WebhookEvent, 'test'>;

/** Deliveries are retried with backoff for this long, then marked failed. */
export const DELIVERY_WINDOW_MS = 24 * 60 * 60 * 1000;

function deliveryRow(input: {
  endpointId: string;
  event: WebhookEvent;
  data: Record<string, unknown>;
  now: Date;
}) {
  // The delivery id is in the body too, so receivers can drop a delivery they already handled.
  const id = randomUUID();
  const body = { id, type: input.event, createdAt: input.now.toISOString(), data: input.data };
  return {
    id,
    endpointId: input.endpointId,
    event: input.event,
    body,
    giveUpAt: new Date(input.now.getTime() + DELIVERY_WINDOW_MS),
  };
}

/**
 * Queues an award event for each of the issuer's active endpoints, in the caller's transaction,
 * so a delivery exists exactly when the change it reports was committed.
 */
export async function enqueueWebhookEvent(
  tx: Executor,
  input: { issuerId: string; event: AwardWebhookEvent; award: Award; appUrl?: string },
): Promise<string[]> {
  return enqueueWebhookEvents(tx, { ...input, awards: [input.award] });
}

/** Whether the issuer has an endpoint to tell: lets a bulk insert skip building events nobody gets. */
export async function hasActiveEndpoints(tx: Executor, issuerId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.issuerId, issuerId), isNull(webhookEndpoints.disabledAt)))
    .limit(1);
  return Boolean(row);
}

/** The same event for many awards (a bulk job's batch): one endpoint lookup, one insert. */
export async function enqueueWebhookEvents(
  tx: Executor,
  input: { issuerId: string; event: AwardWebhookEvent; awards: Award[]; appUrl?: string },
): Promise<string[]> {
  if (input.awards.length === 0) return [];
  const endpoints = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.issuerId, input.issuerId), isNull(webhookEndpoints.disabledAt)));
  if (endpoints.length === 0) return [];
  const appUrl = input.appUrl ?? getConfig().appUrl;
  const now = new Date();
  const rows = input.awards.flatMap((award) =>
    endpoints.map((endpoint) =>
      deliveryRow({
        endpointId: endpoint.id,
        event: input.event,
        data: { award: presentAward(award, appUrl) },
        now,
      }),
    ),
  );
  await tx.insert(webhookDeliveries).values(rows);
  await enqueueJobs(
    tx,
    'webhook',
    rows.map((row) => ({ deliveryId: row.id })),
  );
  return rows.map((row) => row.id);
}

/** The console's "Send test event": one `test` delivery to one endpoint; returns its id. */
export async function sendTestEvent(
  db: Db,
  input: { issuerId: string; endpointId: string },
): Promise<string> {
  const endpoint = await findActiveEndpoint(db, input);
  const row = deliveryRow({
    endpointId: endpoint.id,
    event: 'test',
    data: { message: 'A test event from Laurel: your endpoint is receiving webhooks.' },
    now: new Date(),
  });
  await db.transaction(async (tx) => {
    await tx.insert(webhookDeliveries).values(row);
    await enqueueJobs(tx, 'webhook', [{ deliveryId: row.id }]);
  });
  return row.id;
}
