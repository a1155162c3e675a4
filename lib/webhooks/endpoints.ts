import 'server-only';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { normalizeHost, unbracket } from '@/lib/net/address-policy';
import { resolveTarget } from '@/lib/net/resolve-target';
import { outboundAllowHosts } from '@/lib/net/safe-post';
import { FetchError } from '@/lib/net/types';
import { encryptWebhookSecret, newWebhookSecret } from './secrets';

// These functions trust issuerId: the console action checks that the user is an admin of it.

const MAX_URL_LENGTH = 2000;

const publicColumns = {
  id: webhookEndpoints.id,
  issuerId: webhookEndpoints.issuerId,
  url: webhookEndpoints.url,
  disabledAt: webhookEndpoints.disabledAt,
  createdAt: webhookEndpoints.createdAt,
};

export type WebhookEndpoint = {
  id: string;
  issuerId: string;
  url: string;
  disabledAt: Date | null;
  createdAt: Date;
};

function invalidUrl(message: string): AppError {
  return new AppError('invalid', message, { fieldErrors: { url: [message] } });
}

/**
 * An https URL on the public internet (http only for allowed local hosts, as in tests). The
 * address is checked again, and pinned, on every delivery; this check is for a clear answer now.
 */
async function checkEndpointUrl(raw: string, allowHosts: string[]): Promise<string> {
  const url = URL.parse(raw.trim());
  if (!url || raw.length > MAX_URL_LENGTH) throw invalidUrl('Enter the full URL of your webhook receiver.');
  const isAllowedHost = allowHosts.map(normalizeHost).includes(normalizeHost(unbracket(url.hostname)));
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isAllowedHost)) {
    throw invalidUrl('The webhook URL must start with https://.');
  }
  if (url.username || url.password)
    throw invalidUrl('The webhook URL must not contain a user name or password.');
  try {
    await resolveTarget(url.href, new Set(allowHosts.map(normalizeHost)));
  } catch (error) {
    if (error instanceof FetchError) {
      throw invalidUrl(`Webhooks cannot be sent there: ${error.message.replace(/^.*?: /, '')}.`);
    }
    throw error;
  }
  return url.href;
}

/** Registers a receiver; the secret is returned this once and stored only encrypted. */
export async function createWebhookEndpoint(
  db: Db,
  input: { issuerId: string; url: string; allowHosts?: string[] },
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const url = await checkEndpointUrl(input.url, input.allowHosts ?? outboundAllowHosts());
  const secret = newWebhookSecret();
  const [endpoint] = await db
    .insert(webhookEndpoints)
    .values({ issuerId: input.issuerId, url, secretCiphertext: encryptWebhookSecret(secret) })
    .returning(publicColumns);
  if (!endpoint) throw new Error('webhook endpoint insert returned nothing');
  return { endpoint, secret };
}

/** An issuer's endpoints, oldest first, without their secrets. */
export function listWebhookEndpoints(db: Db, issuerId: string): Promise<WebhookEndpoint[]> {
  return db
    .select(publicColumns)
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.issuerId, issuerId))
    .orderBy(asc(webhookEndpoints.createdAt));
}

export async function findActiveEndpoint(db: Db, input: { issuerId: string; endpointId: string }) {
  const [row] = await db
    .select(publicColumns)
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, input.endpointId), eq(webhookEndpoints.issuerId, input.issuerId)));
  if (!row) throw new AppError('not_found', 'No webhook endpoint with this id belongs to your issuer.');
  if (row.disabledAt) throw new AppError('conflict', 'This webhook endpoint is disabled.');
  return row;
}

/**
 * Stops deliveries to an endpoint, including those still waiting for a retry. Disabling again
 * is harmless.
 */
export async function disableWebhookEndpoint(db: Db, input: { issuerId: string; endpointId: string }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ disabledAt: new Date() })
      .where(
        and(
          eq(webhookEndpoints.id, input.endpointId),
          eq(webhookEndpoints.issuerId, input.issuerId),
          isNull(webhookEndpoints.disabledAt),
        ),
      )
      .returning(publicColumns);
    if (!row) {
      const [existing] = await tx
        .select(publicColumns)
        .from(webhookEndpoints)
        .where(and(eq(webhookEndpoints.id, input.endpointId), eq(webhookEndpoints.issuerId, input.issuerId)));
      if (!existing)
        throw new AppError('not_found', 'No webhook endpoint with this id belongs to your issuer.');
      return existing;
    }
    await tx
      .update(webhookDeliveries)
      .set({ status: 'failed', lastError: 'The endpoint was disabled.' })
      .where(
        and(
          eq(webhookDeliveries.endpointId, row.id),
          inArray(webhookDeliveries.status, ['pending', 'sending']),
        ),
      );
    return row;
  });
}

/** A new signing secret, in effect for every delivery from now on; returned this once. */
export async function rotateWebhookSecret(db: Db, input: { issuerId: string; endpointId: string }) {
  await findActiveEndpoint(db, input);
  const secret = newWebhookSecret();
  await db
    .update(webhookEndpoints)
    .set({ secretCiphertext: encryptWebhookSecret(secret) })
    .where(and(eq(webhookEndpoints.id, input.endpointId), eq(webhookEndpoints.issuerId, input.issuerId)));
  return { secret };
}
