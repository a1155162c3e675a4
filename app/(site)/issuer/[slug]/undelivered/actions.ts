'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { issuerAction } from '@/lib/actions/form-action';
import { success } from '@/lib/actions/form-state';
import { retryFailedDelivery } from '@/lib/queue/dead-letter';

const retrySchema = z.object({ deliveryId: z.uuid({ message: 'That delivery does not exist.' }) });

/** An admin sends a failed webhook delivery again (Undelivered and Webhooks pages). */
export const retryDeliveryAction = issuerAction(
  { role: 'admin', schema: retrySchema },
  async ({ input: { deliveryId }, db, issuer }) => {
    const outcome = await retryFailedDelivery(db, { issuerId: issuer.id, deliveryId });
    // The console's tab count, this page and the Webhooks page all change.
    revalidatePath(`/issuer/${issuer.slug}`, 'layout');
    return success(outcome === 'queued' ? 'Queued again.' : 'Already queued again, or delivered since.');
  },
);
