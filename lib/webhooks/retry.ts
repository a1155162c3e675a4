import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { requeueJob } from '@/lib/queue/enqueue';
import { DELIVERY_WINDOW_MS } from './events';

/**
 * The console's retry of a failed delivery (the dead letter): the same event, body and delivery
 * id, with a new 24 hours and all its attempts, to an endpoint that is still active. False when
 * the delivery is not the issuer's, not failed, or its endpoint is disabled.
 */
export async function retryDelivery(
  db: Db,
  input: { issuerId: string; deliveryId: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookDeliveries)
      .set({
        status: 'pending',
        lastError: null,
        giveUpAt: sql`now() + make_interval(secs => ${DELIVERY_WINDOW_MS / 1000})`,
      })
      .where(
        and(
          eq(webhookDeliveries.id, input.deliveryId),
          eq(webhookDeliveries.status, 'failed'),
          sql`${webhookDeliveries.endpointId} in (${tx
            .select({ id: webhookEndpoints.id })
            .from(webhookEndpoints)
            .where(
              and(eq(webhookEndpoints.issuerId, input.issuerId), isNull(webhookEndpoints.disabledAt)),
            )})`,
        ),
      )
      .returning({ id: webhookDeliveries.id });
    if (!row) return false;
    await requeueJob(tx, 'webhook', { deliveryId: row.id });
    return true;
  });
}
