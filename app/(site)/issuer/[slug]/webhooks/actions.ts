'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { isAppError } from '@/lib/errors';
import { createWebhookEndpoint, disableWebhookEndpoint } from '@/lib/webhooks/endpoints';
import { sendTestEvent } from '@/lib/webhooks/events';
import { kickWebhooks } from '@/lib/webhooks/worker';
import { issuerActionContext } from '../../console';

const adminOf = (slug: string) => issuerActionContext(slug, 'admin');

export type NewEndpoint =
  | { status: 'idle' }
  | { status: 'error'; message: string; url: string }
  | { status: 'created'; url: string; secret: string };

/** Adds an endpoint; its signing secret is shown once. */
export async function createEndpointAction(_previous: NewEndpoint, formData: FormData): Promise<NewEndpoint> {
  const url = String(formData.get('url') ?? '').trim();
  try {
    const { db, issuer } = await adminOf(String(formData.get('slug')));
    const { secret } = await createWebhookEndpoint(db, { issuerId: issuer.id, url });
    revalidatePath(`/issuer/${issuer.slug}/webhooks`);
    return { status: 'created', url, secret };
  } catch (error) {
    if (isAppError(error)) return { status: 'error', message: error.message, url };
    throw error;
  }
}

const endpointSchema = z.object({ slug: z.string(), endpointId: z.uuid() });

export const sendTestAction = formAction(endpointSchema, async ({ slug, endpointId }) => {
  const { db, issuer } = await adminOf(slug);
  await sendTestEvent(db, { issuerId: issuer.id, endpointId });
  kickWebhooks();
  revalidatePath(`/issuer/${issuer.slug}/webhooks`);
  return { status: 'success', message: 'Test event queued. Reload to see its delivery below.' };
});

export const disableEndpointAction = formAction(endpointSchema, async ({ slug, endpointId }) => {
  const { db, issuer } = await adminOf(slug);
  await disableWebhookEndpoint(db, { issuerId: issuer.id, endpointId });
  revalidatePath(`/issuer/${issuer.slug}/webhooks`);
  return { status: 'success', message: 'Endpoint disabled.' };
});
