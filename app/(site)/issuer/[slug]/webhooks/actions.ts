'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { issuerAction } from '@/lib/actions/form-action';
import type { FormError } from '@/lib/actions/form-state';
import { success } from '@/lib/actions/form-state';
import { createWebhookEndpoint, disableWebhookEndpoint } from '@/lib/webhooks/endpoints';
import { sendTestEvent } from '@/lib/webhooks/events';

export type NewEndpoint = { status: 'idle' } | FormError | { status: 'created'; url: string; secret: string };

const createSchema = z.object({ url: z.string().trim() });

/** Adds an endpoint; its signing secret is shown once. */
export const createEndpointAction = issuerAction<typeof createSchema, NewEndpoint>(
  { role: 'admin', schema: createSchema },
  async ({ input: { url }, db, issuer }) => {
    const { endpoint, secret } = await createWebhookEndpoint(db, { issuerId: issuer.id, url });
    revalidatePath(`/issuer/${issuer.slug}/webhooks`);
    return { status: 'created', url: endpoint.url, secret };
  },
);

const endpointSchema = z.object({ endpointId: z.uuid({ message: 'That endpoint does not exist.' }) });

export const sendTestAction = issuerAction(
  { role: 'admin', schema: endpointSchema },
  async ({ input: { endpointId }, db, issuer }) => {
    await sendTestEvent(db, { issuerId: issuer.id, endpointId });
    revalidatePath(`/issuer/${issuer.slug}/webhooks`);
    return success('Test event queued. Reload to see its delivery below.');
  },
);

export const disableEndpointAction = issuerAction(
  { role: 'admin', schema: endpointSchema },
  async ({ input: { endpointId }, db, issuer }) => {
    await disableWebhookEndpoint(db, { issuerId: issuer.id, endpointId });
    revalidatePath(`/issuer/${issuer.slug}/webhooks`);
    return success('Endpoint disabled.');
  },
);
