import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { type EmailMessage, type OutboxRow, outbox } from '@/db/schema';
import { emailEventDetail, recordAwardEvent } from '@/lib/awards/history';
import { isAddressOptedOut, OPTED_OUT_REFUSAL } from '@/lib/awards/opt-out';
import type { EmailSender } from './send-email';

export const MAX_ATTEMPTS = 10;
const LOCK_SECONDS = 120;

/**
 * A message's body holds live links (claim, verification, reset) whose tokens are otherwise stored
 * only as hashes. Once the provider has it, or we give up, only recipient and subject are kept.
 */
const WITHOUT_BODY = sql`${outbox.payload} || '{"html": "", "text": ""}'::jsonb`;

/**
 * Queues an email in the caller's transaction, so it exists exactly when the change it reports
 * does. In demo mode it is captured for /dev/mailbox and never sent. With an award id, delivery is
 * written into that award's history (in demo mode at once: capturing is all that will happen).
 */
export async function enqueueEmail(
  db: Executor,
  input: { message: EmailMessage; isDemoMode: boolean; awardId?: string | null },
) {
  const awardId = input.awardId ?? null;
  const [row] = await db
    .insert(outbox)
    .values({
      kind: 'email',
      payload: input.message,
      awardId,
      status: input.isDemoMode ? 'captured' : 'pending',
    })
    .returning({ id: outbox.id });
  if (!row) throw new Error('outbox insert returned nothing');
  if (awardId && input.isDemoMode) {
    await recordAwardEvent(db, {
      awardId,
      kind: 'emailed',
      detail: emailEventDetail(input.message, DEMO_MAILBOX_OUTCOME),
    });
  }
  return row.id;
}

/** How a demo-mode message ends, in the award's history. */
export const DEMO_MAILBOX_OUTCOME = 'kept in the demo mailbox, not sent';

/** Seconds to wait before attempt n+1: 10 s, 20 s, 40 s … capped at an hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(10 * 2 ** Math.max(0, attempts - 1), 3600);
}

/**
 * Claims due messages (skipping rows another process holds), sends them, and records the
 * outcome. The outbox id is the provider's idempotency key, so a message re-claimed after a
 * crash mid-send is still delivered at most once.
 */
export async function deliverDueEmails(input: { db: Db; send: EmailSender; batchSize?: number }) {
  const { db, send } = input;
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        and(
          eq(outbox.kind, 'email'),
          or(
            and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, sql`now()`)),
            and(eq(outbox.status, 'sending'), lte(outbox.lockedUntil, sql`now()`)),
          ),
        ),
      )
      .orderBy(asc(outbox.nextAttemptAt))
      .limit(input.batchSize ?? 20)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outbox)
      .set({
        status: 'sending',
        attempts: sql`${outbox.attempts} + 1`,
        lockedUntil: sql`now() + make_interval(secs => ${LOCK_SECONDS})`,
      })
      .where(
        inArray(
          outbox.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });

  let sent = 0;
  for (const row of claimed) {
    // The learner may have opted out since the email was queued: then it is never sent.
    if (row.awardId && (await isAddressOptedOut(db, row.payload.to))) {
      await settleUnsent(db, row, OPTED_OUT_REFUSAL);
      continue;
    }
    const result = await send(row.payload, row.id);
    if (result.ok) {
      sent += 1;
      // The award's 'emailed' step commits with the row marked sent: both or neither.
      await db.transaction(async (tx) => {
        await tx
          .update(outbox)
          .set({
            status: 'sent',
            sentAt: new Date(),
            providerId: result.providerId,
            lockedUntil: null,
            lastError: null,
            payload: WITHOUT_BODY,
          })
          .where(eq(outbox.id, row.id));
        if (row.awardId)
          await recordAwardEvent(tx, {
            awardId: row.awardId,
            kind: 'emailed',
            detail: emailEventDetail(row.payload),
          });
      });
      continue;
    }
    const lastError = result.error.slice(0, 1000);
    if (!result.isRetryable || row.attempts >= MAX_ATTEMPTS) {
      await settleUnsent(db, row, lastError);
      continue;
    }
    await db
      .update(outbox)
      .set({
        status: 'pending',
        lastError,
        lockedUntil: null,
        nextAttemptAt: sql`now() + make_interval(secs => ${backoffSeconds(row.attempts)})`,
      })
      .where(eq(outbox.id, row.id));
  }
  return { claimed: claimed.length, sent };
}

/** Gives up on a message for good, without its body, and says so in the award's history. */
async function settleUnsent(db: Db, row: OutboxRow, lastError: string) {
  await db.transaction(async (tx) => {
    await tx
      .update(outbox)
      .set({ status: 'failed', lastError, lockedUntil: null, payload: WITHOUT_BODY })
      .where(eq(outbox.id, row.id));
    // Only giving up is history; a retry that later succeeds is just 'emailed'.
    if (row.awardId)
      await recordAwardEvent(tx, {
        awardId: row.awardId,
        kind: 'email_failed',
        detail: emailEventDetail(row.payload, lastError),
      });
  });
}
