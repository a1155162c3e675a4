import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { awardEvents, type EmailMessage, type OutboxRow, outbox } from '@/db/schema';
import { awardEventValues, emailEventDetail, recordAwardEvent } from '@/lib/awards/history';
import { isAddressOptedOut, OPTED_OUT_REFUSAL } from '@/lib/awards/opt-out';
import { prepareOutgoing } from '@/lib/notifications/outgoing';
import { isMuted, NOTIFICATION_OFF } from '@/lib/notifications/preferences';
import { enqueueJobs } from '@/lib/queue/enqueue';
import type { EmailSender } from './send-email';

/**
 * A message's body holds live links (claim, verification, reset) whose tokens are otherwise stored
 * only as hashes. Once the provider has it, or we give up, only recipient and subject are kept.
 */
const WITHOUT_BODY = sql`(${outbox.payload} - 'headers') || '{"html": "", "text": ""}'::jsonb`;

/**
 * Queues an email in the caller's transaction, so it exists exactly when the change it reports
 * does. In demo mode it is captured for /dev/mailbox and never sent. With an award id, delivery is
 * written into that award's history (in demo mode at once: capturing is all that will happen).
 * A notification the recipient turned off is kept as not sent (lib/notifications/outgoing.ts).
 */
export async function enqueueEmail(
  db: Executor,
  input: { message: EmailMessage; isDemoMode: boolean; awardId?: string | null },
): Promise<string> {
  const [id] = await enqueueEmails(db, {
    messages: [{ message: input.message, awardId: input.awardId }],
    isDemoMode: input.isDemoMode,
  });
  if (!id) throw new Error('outbox insert returned nothing');
  return id;
}

/**
 * Many emails in one insert (a batch of awards), with the same rules as enqueueEmail: captured in
 * demo mode (and then 'emailed' in each award's history), else pending for the worker.
 */
export async function enqueueEmails(
  db: Executor,
  input: { messages: Array<{ message: EmailMessage; awardId?: string | null }>; isDemoMode: boolean },
): Promise<string[]> {
  if (input.messages.length === 0) return [];
  const status = input.isDemoMode ? ('captured' as const) : ('pending' as const);
  const messages = await prepareOutgoing(db, input.messages);
  const rows = await db
    .insert(outbox)
    .values(
      messages.map((m) => ({
        kind: 'email' as const,
        payload: m.message,
        awardId: m.awardId ?? null,
        status: m.isMuted ? ('failed' as const) : status,
        lastError: m.isMuted ? NOTIFICATION_OFF : null,
      })),
    )
    .returning({ id: outbox.id });
  const sendable = rows.filter((_, i) => !messages[i]?.isMuted);
  if (!input.isDemoMode)
    await enqueueJobs(
      db,
      'email',
      sendable.map((r) => ({ outboxId: r.id })),
    );
  const events = messages.flatMap((m) => {
    if (!m.awardId) return [];
    if (m.isMuted)
      return [awardEventValues(m.awardId, 'email_withheld', emailEventDetail(m.message, NOTIFICATION_OFF))];
    return input.isDemoMode
      ? [awardEventValues(m.awardId, 'emailed', emailEventDetail(m.message, DEMO_MAILBOX_OUTCOME))]
      : [];
  });
  if (events.length > 0) await db.insert(awardEvents).values(events);
  return rows.map((r) => r.id);
}

/** How a demo-mode message ends, in the award's history. */
export const DEMO_MAILBOX_OUTCOME = 'kept in the demo mailbox, not sent';

/** Raised to have the queue try a message again later (with its backoff). */
export class RetryLater extends Error {}

/**
 * Sends one queued message (the `email` job) and records the outcome. The outbox id is the
 * provider's idempotency key, so a job taken again after a worker died mid-send still delivers at
 * most once. A message already settled (sent, failed, captured) is left alone: jobs may repeat.
 * A transient failure throws RetryLater, unless this was the queue's last attempt: then, like a
 * permanent refusal, the message is failed for good without its body.
 */
export async function deliverEmail(input: {
  db: Db;
  send: EmailSender;
  outboxId: string;
  isLastAttempt: boolean;
}): Promise<'sent' | 'failed' | 'settled'> {
  const { db, send } = input;
  const [row] = await db
    .update(outbox)
    .set({ status: 'sending', attempts: sql`${outbox.attempts} + 1` })
    .where(and(eq(outbox.id, input.outboxId), inArray(outbox.status, ['pending', 'sending'])))
    .returning();
  if (!row) return 'settled';
  // The learner may have opted out since the email was queued: then it is never sent.
  if (row.awardId && (await isAddressOptedOut(db, row.payload.to))) {
    await settleUnsent(db, row, OPTED_OUT_REFUSAL, 'email_withheld');
    return 'failed';
  }
  // Or turned this kind of email off since.
  const kind = row.payload.notification;
  if (kind && (await isMuted(db, { email: row.payload.to, kind }))) {
    await settleUnsent(db, row, NOTIFICATION_OFF, 'email_withheld');
    return 'failed';
  }
  const result = await send(row.payload, row.id);
  if (result.ok) {
    // The award's 'emailed' step commits with the row marked sent: both or neither. Written only
    // while this attempt still holds the row: one that outlived its lease changes nothing.
    await db.transaction(async (tx) => {
      const [marked] = await tx
        .update(outbox)
        .set({
          status: 'sent',
          sentAt: new Date(),
          providerId: result.providerId,
          lastError: null,
          payload: WITHOUT_BODY,
        })
        .where(heldBy(row))
        .returning({ id: outbox.id });
      if (marked && row.awardId)
        await recordAwardEvent(tx, {
          awardId: row.awardId,
          kind: 'emailed',
          detail: emailEventDetail(row.payload),
        });
    });
    return 'sent';
  }
  const lastError = result.error.slice(0, 1000);
  if (!result.isRetryable || input.isLastAttempt) {
    await settleUnsent(db, row, lastError);
    return 'failed';
  }
  await db.update(outbox).set({ status: 'pending', lastError }).where(heldBy(row));
  throw new RetryLater(lastError);
}

/** The row as this attempt took it: still sending, and no later attempt has taken it since. */
const heldBy = (row: { id: string; attempts: number }) =>
  and(eq(outbox.id, row.id), eq(outbox.status, 'sending'), eq(outbox.attempts, row.attempts));

/**
 * Gives up on a message for good, without its body, and says so in the award's history: as
 * 'email_failed' when delivery failed, as 'email_withheld' when the learner's choice kept it back.
 */
export async function settleUnsent(
  db: Db,
  /** With `attempts`, as deliverEmail took it; without, any message not yet settled (the upkeep). */
  row: Pick<OutboxRow, 'id' | 'payload' | 'awardId'> & { attempts?: number },
  lastError: string,
  kind: 'email_failed' | 'email_withheld' = 'email_failed',
) {
  await db.transaction(async (tx) => {
    // A message settled meanwhile (sent by a later attempt, say) stays as it is.
    const [settled] = await tx
      .update(outbox)
      .set({ status: 'failed', lastError, payload: WITHOUT_BODY })
      .where(
        row.attempts === undefined
          ? and(eq(outbox.id, row.id), inArray(outbox.status, ['pending', 'sending']))
          : heldBy({ id: row.id, attempts: row.attempts }),
      )
      .returning({ id: outbox.id });
    // Only giving up is history; a retry that later succeeds is just 'emailed'.
    if (settled && row.awardId)
      await recordAwardEvent(tx, {
        awardId: row.awardId,
        kind,
        detail: emailEventDetail(row.payload, lastError),
      });
  });
}
