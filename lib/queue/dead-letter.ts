import 'server-only';
import { and, count, desc, eq, isNull, type SQL, type Subquery, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { awards, bulkJobs, outbox, webhookAttempts, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { OPTED_OUT_REFUSAL } from '@/lib/awards/opt-out';
import { AppError } from '@/lib/errors';
import { NOTIFICATION_OFF } from '@/lib/notifications/preferences';
import { retryDelivery } from '@/lib/webhooks/retry';

/**
 * The dead letters of one issuer: background work that ran out of attempts and is still waiting
 * for a person (the console's Undelivered page). The issuer id is trusted: callers check the
 * member first, and admins alone get webhook deliveries (as on the Webhooks page).
 *
 * - A webhook delivery that failed, to an endpoint still active (disabling one fails its
 *   deliveries on purpose). Retried by `retryFailedDelivery`; once queued it is no longer failed.
 * - An email about one of the issuer's awards that failed: a claim email while its award is still
 *   pending and no newer claim link was sent (a resend makes a new token, so it clears the line),
 *   or a revocation notice, which only tells the issuer that the learner was not told. Mail
 *   withheld because the learner opted out is their choice, not a failure, and is left out.
 * - A CSV upload that gave up; its Retry clears it.
 *
 * Failed rows are pruned after their retention (lib/queue/maintenance.ts).
 */

/** How many of each kind the page lists; it says when there are more. */
export const UNDELIVERED_LIMIT = 100;

const failedDeliveriesOf = (issuerId: string) =>
  and(
    eq(webhookEndpoints.issuerId, issuerId),
    isNull(webhookEndpoints.disabledAt),
    eq(webhookDeliveries.status, 'failed'),
  );

// outbox and claim tokens of one transaction share now(): a later token is a later resend.
const isRevocationNotice = sql<boolean>`(${awards.revokedAt} is not null and ${outbox.createdAt} >= ${awards.revokedAt})`;
const isNeededClaimEmail = sql`(${awards.revokedAt} is null and ${awards.state} = 'pending' and not exists (
  select 1 from claim_tokens t where t.award_id = ${awards.id} and t.created_at > ${outbox.createdAt}))`;

const failedEmailsOf = (issuerId: string): SQL | undefined =>
  and(
    eq(awards.issuerId, issuerId),
    eq(outbox.status, 'failed'),
    sql`${outbox.lastError} is distinct from ${OPTED_OUT_REFUSAL}`,
    sql`${outbox.lastError} is distinct from ${NOTIFICATION_OFF}`,
    sql`(${isRevocationNotice} or ${isNeededClaimEmail})`,
  );

const failedUploadsOf = (issuerId: string) =>
  and(eq(bulkJobs.issuerId, issuerId), eq(bulkJobs.status, 'failed'));

/** At most `limit` rows, and whether there were more. */
function bounded<T>(rows: T[], limit: number) {
  return { items: rows.slice(0, limit), hasMore: rows.length > limit };
}

function listFailedDeliveries(db: Db, issuerId: string, limit: number) {
  return db
    .select({
      id: webhookDeliveries.id,
      event: webhookDeliveries.event,
      endpointUrl: webhookEndpoints.url,
      attempts: webhookDeliveries.attempts,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      lastError: webhookDeliveries.lastError,
      createdAt: webhookDeliveries.createdAt,
      lastAttemptAt: sql<Date | null>`(select max(${webhookAttempts.at}) from ${webhookAttempts}
        where ${webhookAttempts.deliveryId} = ${webhookDeliveries.id})`.mapWith(webhookAttempts.at),
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(failedDeliveriesOf(issuerId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit + 1);
}

function listFailedEmails(db: Db, issuerId: string, limit: number) {
  // Recipient and subject only: a failed message's body is erased, and never shown anyway.
  return db
    .select({
      id: outbox.id,
      awardId: awards.id,
      recipientName: awards.recipientName,
      to: sql<string>`${outbox.payload}->>'to'`,
      subject: sql<string>`${outbox.payload}->>'subject'`,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
      isRevocationNotice,
    })
    .from(outbox)
    .innerJoin(awards, eq(awards.id, outbox.awardId))
    .where(failedEmailsOf(issuerId))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit + 1);
}

function listFailedUploads(db: Db, issuerId: string, limit: number) {
  return db
    .select({
      id: bulkJobs.id,
      fileName: bulkJobs.fileName,
      total: bulkJobs.total,
      processed: bulkJobs.processed,
      lastError: bulkJobs.lastError,
      createdAt: bulkJobs.createdAt,
    })
    .from(bulkJobs)
    .where(failedUploadsOf(issuerId))
    .orderBy(desc(bulkJobs.createdAt), desc(bulkJobs.id))
    .limit(limit + 1);
}

type Scope = { issuerId: string; includeDeliveries: boolean; limit?: number };

/** The issuer's dead letters, newest first, `limit` of each kind (deliveries only for admins). */
export async function listUndelivered(db: Db, input: Scope) {
  const limit = Math.min(Math.max(input.limit ?? UNDELIVERED_LIMIT, 1), UNDELIVERED_LIMIT);
  const [deliveries, emails, uploads] = await Promise.all([
    input.includeDeliveries ? listFailedDeliveries(db, input.issuerId, limit) : [],
    listFailedEmails(db, input.issuerId, limit),
    listFailedUploads(db, input.issuerId, limit),
  ]);
  return {
    deliveries: bounded(deliveries, limit),
    emails: bounded(emails, limit),
    uploads: bounded(uploads, limit),
  };
}

export type Undelivered = Awaited<ReturnType<typeof listUndelivered>>;
export type FailedDelivery = Undelivered['deliveries']['items'][number];
export type FailedEmail = Undelivered['emails']['items'][number];
export type FailedUpload = Undelivered['uploads']['items'][number];

/**
 * How many are waiting, for the console's tab: each kind counted up to the page's limit, so the
 * count costs no more than the page and reads "100+" beyond it (`isMore`).
 */
export async function countUndelivered(db: Db, input: Omit<Scope, 'limit'>) {
  const cap = UNDELIVERED_LIMIT + 1;
  const counted = async (query: { as: (alias: string) => Subquery }) =>
    (await db.select({ n: count() }).from(query.as('waiting')))[0]?.n ?? 0;
  const each = await Promise.all([
    input.includeDeliveries
      ? counted(
          db
            .select({ id: webhookDeliveries.id })
            .from(webhookDeliveries)
            .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
            .where(failedDeliveriesOf(input.issuerId))
            .limit(cap),
        )
      : 0,
    counted(
      db
        .select({ id: outbox.id })
        .from(outbox)
        .innerJoin(awards, eq(awards.id, outbox.awardId))
        .where(failedEmailsOf(input.issuerId))
        .limit(cap),
    ),
    counted(db.select({ id: bulkJobs.id }).from(bulkJobs).where(failedUploadsOf(input.issuerId)).limit(cap)),
  ]);
  return {
    total: each.reduce((sum, n) => sum + Math.min(n, UNDELIVERED_LIMIT), 0),
    isMore: each.some((n) => n > UNDELIVERED_LIMIT),
  };
}

const NO_SUCH_DELIVERY = 'No failed delivery with this id belongs to your issuer.';

/**
 * A person's Retry of one failed delivery (`retryDelivery`: same event, body and id, a new 24
 * hours, a fresh job). 'already' when someone queued it again meanwhile, or it has been delivered
 * since; refused for another issuer's delivery and for one whose endpoint was disabled.
 */
export async function retryFailedDelivery(
  db: Db,
  input: { issuerId: string; deliveryId: string },
): Promise<'queued' | 'already'> {
  if (!z.uuid().safeParse(input.deliveryId).success) throw new AppError('not_found', NO_SUCH_DELIVERY);
  if (await retryDelivery(db, input)) return 'queued';
  const [row] = await db
    .select({ status: webhookDeliveries.status, disabledAt: webhookEndpoints.disabledAt })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(and(eq(webhookDeliveries.id, input.deliveryId), eq(webhookEndpoints.issuerId, input.issuerId)));
  if (!row) throw new AppError('not_found', NO_SUCH_DELIVERY);
  if (row.disabledAt)
    throw new AppError(
      'conflict',
      'Its endpoint is disabled, so nothing is sent there. To receive events at that URL, add it as a new endpoint.',
    );
  return 'already';
}
