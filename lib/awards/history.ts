import 'server-only';
import { and, asc, eq, gte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Executor } from '@/db/client';
import { type awardEventKind, awardEvents, awards, badgeTemplates } from '@/db/schema';

export type AwardEventKind = (typeof awardEventKind.enumValues)[number];

/** What each step of an award's history is called in the console. */
export const AWARD_EVENT_LABELS: Record<AwardEventKind, string> = {
  created: 'Awarded',
  emailed: 'Email sent',
  opened: 'Claim link opened',
  accepted: 'Accepted',
  declined: 'Declined',
  revoked: 'Revoked',
  resent: 'Claim email resent with a new link',
  email_failed: 'Email could not be delivered',
  email_withheld: 'Not emailed',
  revocation_emailed: 'Revocation email queued for the learner',
  unclaimed: 'Unclaimed again',
};

/** The 'created' step's detail for an award no email will follow. */
export const OPTED_OUT_DETAIL = 'Not emailed: the learner has opted out of achievements';

/**
 * The row for one history step, for callers that insert events in batches (bulk awarding).
 * clock_timestamp(), not the default now(): steps written in one transaction (awarded, then its
 * email captured) keep the order they happened in instead of sharing the transaction's time.
 */
export function awardEventValues(awardId: string, kind: AwardEventKind, detail?: string | null) {
  return { awardId, kind, detail: detail ?? null, at: sql`clock_timestamp()` };
}

/** Writes one step of an award's history, in the caller's transaction so it exists exactly when the change does. */
export async function recordAwardEvent(
  db: Executor,
  input: { awardId: string; kind: AwardEventKind; detail?: string | null },
) {
  await db.insert(awardEvents).values(awardEventValues(input.awardId, input.kind, input.detail));
}

/** "“Subject” to address": which email an 'emailed', 'email_failed' or 'email_withheld' step is about. */
export function emailEventDetail(message: { to: string; subject: string }, outcome?: string) {
  const what = `“${message.subject}” to ${message.to}`;
  return outcome ? `${what}: ${outcome}` : what;
}

/**
 * Records that the learner opened a live claim link, once per link: a link counts as opened when
 * the award has an 'opened' step since that link was created. The award row is locked so two
 * page loads at the same moment cannot both record it.
 */
export function recordClaimOpened(db: Db, input: { awardId: string; linkCreatedAt: Date }) {
  return db.transaction(async (tx) => {
    await tx.select({ id: awards.id }).from(awards).where(eq(awards.id, input.awardId)).for('no key update');
    const [seen] = await tx
      .select({ id: awardEvents.id })
      .from(awardEvents)
      .where(
        and(
          eq(awardEvents.awardId, input.awardId),
          eq(awardEvents.kind, 'opened'),
          gte(awardEvents.at, input.linkCreatedAt),
        ),
      )
      .limit(1);
    if (seen) return false;
    await recordAwardEvent(tx, { awardId: input.awardId, kind: 'opened' });
    return true;
  });
}

/**
 * One of the issuer's awards with its badge and its history, oldest step first; null for a
 * malformed id or an award of another issuer, which the console shows as the same 404.
 */
export async function findAwardWithHistory(db: Executor, input: { issuerId: string; awardId: string }) {
  if (!z.uuid().safeParse(input.awardId).success) return null;
  const [found] = await db
    .select({
      award: awards,
      badge: { id: badgeTemplates.id, name: badgeTemplates.name, archivedAt: badgeTemplates.archivedAt },
    })
    .from(awards)
    .innerJoin(badgeTemplates, eq(badgeTemplates.id, awards.templateId))
    .where(and(eq(awards.id, input.awardId), eq(awards.issuerId, input.issuerId)));
  if (!found) return null;
  const events = await db
    .select({ id: awardEvents.id, kind: awardEvents.kind, detail: awardEvents.detail, at: awardEvents.at })
    .from(awardEvents)
    .where(eq(awardEvents.awardId, found.award.id))
    // Ties (rows of one multi-row insert) fall back to the kinds' declared order: created first.
    .orderBy(asc(awardEvents.at), asc(awardEvents.kind));
  return { ...found, events };
}

export type AwardWithHistory = NonNullable<Awaited<ReturnType<typeof findAwardWithHistory>>>;
