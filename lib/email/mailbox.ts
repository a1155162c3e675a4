import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { outbox } from '@/db/schema';

/*
 * Demo mode (no provider) keeps captured mail whole: it is never sent, and reading it here is how
 * a local try-out gets its claim and sign-up links. Once a provider is configured the mailbox is
 * gone, so the bodies left behind are cleared (forgetCapturedBodies).
 */

/** Mail captured in demo mode, newest first, for /dev/mailbox. */
export function listCapturedEmails(db: Executor, limit = 100) {
  return db
    .select({ id: outbox.id, payload: outbox.payload, createdAt: outbox.createdAt })
    .from(outbox)
    .where(and(eq(outbox.kind, 'email'), eq(outbox.status, 'captured'), isNull(outbox.sentAt)))
    .orderBy(sql`${outbox.createdAt} desc`)
    .limit(limit);
}

export async function findCapturedEmail(db: Executor, id: string) {
  const [row] = await db
    .select({ id: outbox.id, payload: outbox.payload, createdAt: outbox.createdAt })
    .from(outbox)
    .where(and(eq(outbox.id, id), eq(outbox.status, 'captured')));
  return row ?? null;
}

/** Clears the bodies of mail captured in an earlier demo run: with a provider, nobody reads them. */
export async function forgetCapturedBodies(db: Executor) {
  await db
    .update(outbox)
    .set({ payload: sql`${outbox.payload} || '{"html": "", "text": ""}'::jsonb` })
    .where(and(eq(outbox.status, 'captured'), sql`${outbox.payload}->>'html' <> ''`));
}
