import 'server-only';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from '@/db/schema';

// issuerId is trusted: the console checks membership before calling these.

/** The issuer's most recent deliveries, newest first, for the console. */
export function listDeliveries(db: Db, input: { issuerId: string; limit?: number }) {
  return db
    .select({
      id: webhookDeliveries.id,
      endpointId: webhookEndpoints.id,
      endpointUrl: webhookEndpoints.url,
      event: webhookDeliveries.event,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      lastError: webhookDeliveries.lastError,
      createdAt: webhookDeliveries.createdAt,
      deliveredAt: webhookDeliveries.deliveredAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookEndpoints.issuerId, input.issuerId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(Math.min(Math.max(input.limit ?? 50, 1), 200));
}

export type DeliveryListItem = Awaited<ReturnType<typeof listDeliveries>>[number];

/** Every attempt of one of the issuer's deliveries, oldest first; empty for someone else's. */
export function listDeliveryAttempts(db: Db, input: { issuerId: string; deliveryId: string }) {
  return db
    .select({
      attempt: webhookAttempts.attempt,
      statusCode: webhookAttempts.statusCode,
      error: webhookAttempts.error,
      durationMs: webhookAttempts.durationMs,
      at: webhookAttempts.at,
    })
    .from(webhookAttempts)
    .innerJoin(webhookDeliveries, eq(webhookDeliveries.id, webhookAttempts.deliveryId))
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(
      and(eq(webhookAttempts.deliveryId, input.deliveryId), eq(webhookEndpoints.issuerId, input.issuerId)),
    )
    .orderBy(asc(webhookAttempts.attempt), asc(webhookAttempts.at));
}
