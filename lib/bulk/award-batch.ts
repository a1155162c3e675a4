import 'server-only';
import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Db, rowsOf, type Tx } from '@/db/client';
import {
  awards,
  type BadgeTemplate,
  type BulkRowInput,
  bulkJobRows,
  bulkJobs,
  type Issuer,
} from '@/db/schema';
import { awardDates, claimLinkExpiry, EXPIRES_BEFORE_ISSUED } from '@/lib/awards/award-dates';
import { type AwardInput, awardInputSchema } from '@/lib/awards/award-input';
import { emailEventDetail, OPTED_OUT_DETAIL } from '@/lib/awards/history';
import { optedOutAddresses } from '@/lib/awards/opt-out';
import type { Config } from '@/lib/config';
import { newToken, sha256Hex } from '@/lib/crypto/tokens';
import { DEMO_MAILBOX_OUTCOME } from '@/lib/email/outbox';
import type { RenderedMessage } from '@/lib/email/render';
import { findActiveTemplate } from '@/lib/issuers/issuers';
import { enqueueWebhookEvents, hasActiveEndpoints } from '@/lib/webhooks/events';
import { claimMessages } from './claim-mail';

export type BatchJob = { id: string; issuerId: string; templateId: string; createdAt: Date };
export type BatchRow = { rowNumber: number; input: BulkRowInput };
type Outcome = {
  rowNumber: number;
  status: 'awarded' | 'skipped' | 'failed';
  awardId: string | null;
  error: string | null;
};
type NewAward = typeof awards.$inferInsert & { id: string };
type Planned = { outcome: Outcome; award?: NewAward; tokenHash?: string; message?: RenderedMessage };

export const RENAMED_MESSAGE =
  'This address already has this badge with the same dates from an earlier upload, with a different name or evidence; that award stands.';

/** Same template, recipient and dates → same key, so a re-run or a re-upload finds the first award. */
export function bulkIdempotencyKey(templateId: string, input: BulkRowInput) {
  const parts = [templateId, input.email, input.issuedAt ?? '', input.expiresAt ?? ''];
  return `bulk:${sha256Hex(parts.join('|'))}`;
}

function toAwardInput(templateId: string, row: BulkRowInput): AwardInput {
  const evidence =
    row.evidenceUrl || row.evidenceNarrative
      ? [{ url: row.evidenceUrl, narrative: row.evidenceNarrative }]
      : [];
  return awardInputSchema.parse({
    templateId,
    recipient: { email: row.email, name: row.name },
    issuedAt: row.issuedAt,
    expiresAt: row.expiresAt,
    evidence: evidence.length ? evidence : undefined,
  });
}

const failed = (rowNumber: number, error: string): Planned => ({
  outcome: { rowNumber, status: 'failed', awardId: null, error },
});

/**
 * Awards a batch of a bulk job's rows in one transaction: the awards, their claim tokens, claim
 * emails, history and webhook events, and the rows' outcomes and the job's counts. A process that
 * dies mid-batch leaves nothing of it, so the batch is simply done again.
 *
 * The awards are the same as `createAward` makes one at a time (same idempotency key and request
 * fingerprint, so a re-upload replays them), but each query and insert is made once per batch.
 */
export async function awardBatch(
  db: Db,
  opts: {
    config: Pick<Config, 'appUrl' | 'claimTokenTtlDays' | 'isDemoMode'>;
    issuer: Issuer;
    job: BatchJob;
    rows: BatchRow[];
  },
): Promise<void> {
  const { config, issuer, job, rows } = opts;
  const template = await findActiveTemplate(db, { issuerId: issuer.id, templateId: job.templateId });
  const planned = template
    ? await plan(db, { config, issuer, job, rows, template })
    : rows.map((r) => failed(r.rowNumber, 'The badge template was archived before this row was awarded.'));

  await db.transaction(async (tx) => {
    await insertAwards(tx, { config, issuer, planned });
    await recordOutcomes(
      tx,
      job.id,
      planned.map((p) => p.outcome),
    );
  });
}

async function plan(
  db: Db,
  opts: {
    config: Pick<Config, 'appUrl' | 'claimTokenTtlDays'>;
    issuer: Issuer;
    job: BatchJob;
    rows: BatchRow[];
    template: BadgeTemplate;
  },
): Promise<Planned[]> {
  const { config, issuer, job, template } = opts;
  const parsed = opts.rows.map((row) => {
    try {
      const input = toAwardInput(template.id, row.input);
      return {
        ok: true as const,
        row,
        input,
        key: bulkIdempotencyKey(template.id, row.input),
        // createAward's fingerprint, so the API and a re-upload agree on what is "the same".
        fingerprint: sha256Hex(JSON.stringify(input)),
      };
    } catch (error) {
      if (error instanceof z.ZodError) return { ok: false as const, row, error: z.prettifyError(error) };
      throw error;
    }
  });
  const valid = parsed.flatMap((p) => (p.ok ? [p] : []));
  const existing = await existingAwards(
    db,
    issuer.id,
    valid.map((p) => p.key),
  );
  const message = claimMessages({ config, issuer, template });
  const now = new Date();

  return Promise.all(
    parsed.map(async (p): Promise<Planned> => {
      const { rowNumber } = p.row;
      if (!p.ok) return failed(rowNumber, p.error);
      const earlier = existing.get(p.key);
      if (earlier) {
        if (earlier.requestFingerprint !== p.fingerprint) return failed(rowNumber, RENAMED_MESSAGE);
        // An award made before this job came from an earlier upload; one made since is this
        // job's own, from a batch whose outcome was not recorded (its lease ran out).
        const status = earlier.createdAt < job.createdAt ? 'skipped' : 'awarded';
        return { outcome: { rowNumber, status, awardId: earlier.id, error: null } };
      }
      const { issuedAt, expiresAt, expiresBeforeIssued } = awardDates(p.input, template, now);
      if (expiresBeforeIssued) return failed(rowNumber, EXPIRES_BEFORE_ISSUED);
      const id = randomUUID();
      const award: NewAward = {
        id,
        issuerId: issuer.id,
        templateId: template.id,
        recipientEmail: p.input.recipient.email,
        recipientName: p.input.recipient.name,
        recipientSalt: randomBytes(16).toString('hex'),
        issuedAt,
        expiresAt,
        evidence: p.input.evidence ?? [],
        idempotencyKey: p.key,
        requestFingerprint: p.fingerprint,
        state: 'pending',
      };
      const outcome: Outcome = { rowNumber, status: 'awarded', awardId: id, error: null };
      // Every claim email is drafted; learners who opted out are found in the writing transaction.
      const claim = newToken();
      const rendered = await message({ name: award.recipientName, expiresAt, token: claim.token });
      return { outcome, award, tokenHash: claim.hash, message: rendered };
    }),
  );
}

async function existingAwards(db: Db, issuerId: string, keys: string[]) {
  if (keys.length === 0) return new Map<string, never>();
  const rows = await db
    .select({
      id: awards.id,
      key: awards.idempotencyKey,
      requestFingerprint: awards.requestFingerprint,
      createdAt: awards.createdAt,
    })
    .from(awards)
    .where(and(eq(awards.issuerId, issuerId), inArray(awards.idempotencyKey, keys)));
  return new Map(rows.map((r) => [r.key as string, r]));
}

/**
 * Inserts many rows as one JSON parameter that json_to_recordset expands: for a batch of hundreds,
 * much cheaper than a VALUES list built value by value. `columns` (name → SQL type) are constants.
 */
function insertFromJson(tx: Tx, table: string, columns: Record<string, string>, rows: object[]) {
  const names = sql.raw(Object.keys(columns).join(', '));
  const types = sql.raw(
    Object.entries(columns)
      .map(([name, type]) => `${name} ${type}`)
      .join(', '),
  );
  return tx.execute(sql`
    insert into ${sql.identifier(table)} (${names})
    select ${names} from json_to_recordset(${JSON.stringify(rows)}::json) as x(${types})`);
}

async function insertAwards(
  tx: Tx,
  opts: {
    config: Pick<Config, 'appUrl' | 'claimTokenTtlDays' | 'isDemoMode'>;
    issuer: Issuer;
    planned: Planned[];
  },
) {
  const { config, issuer } = opts;
  const optedOut = await optedOutAddresses(
    tx,
    opts.planned.flatMap((p) => (p.award ? [p.award.recipientEmail] : [])),
  );
  // A learner who opted out gets the award as 'opted_out', with no claim link and no email.
  const fresh = opts.planned.flatMap((p) => {
    if (!p.award) return [];
    if (!optedOut.has(p.award.recipientEmail)) return [{ ...p, award: p.award }];
    return [{ outcome: p.outcome, award: { ...p.award, state: 'opted_out' as const } }];
  });
  if (fresh.length === 0) return;
  const ids = fresh.map((p) => p.award.id);
  await insertFromJson(
    tx,
    'awards',
    {
      id: 'uuid',
      issuer_id: 'uuid',
      template_id: 'uuid',
      recipient_email: 'text',
      recipient_name: 'text',
      recipient_salt: 'text',
      issued_at: 'timestamptz',
      expires_at: 'timestamptz',
      evidence: 'jsonb',
      idempotency_key: 'text',
      request_fingerprint: 'text',
      state: 'award_state',
    },
    fresh.map(({ award: a }) => ({
      id: a.id,
      issuer_id: a.issuerId,
      template_id: a.templateId,
      recipient_email: a.recipientEmail,
      recipient_name: a.recipientName,
      recipient_salt: a.recipientSalt,
      issued_at: a.issuedAt,
      expires_at: a.expiresAt,
      evidence: a.evidence,
      idempotency_key: a.idempotencyKey,
      request_fingerprint: a.requestFingerprint,
      state: a.state,
    })),
  );
  // Webhooks: the issuer hears of every award, opted-out ones included (state 'opted_out').
  if (await hasActiveEndpoints(tx, issuer.id)) {
    const created = await tx.select().from(awards).where(inArray(awards.id, ids));
    await enqueueWebhookEvents(tx, {
      issuerId: issuer.id,
      event: 'award.created',
      awards: created,
      appUrl: config.appUrl,
    });
  }
  const mailed = fresh.flatMap((p) => (p.tokenHash && p.message ? [{ ...p, message: p.message }] : []));
  const events = fresh.map((p) => ({
    award_id: p.award.id,
    kind: 'created',
    detail: p.message ? 'From a CSV upload' : OPTED_OUT_DETAIL,
  }));
  // In demo mode capturing is all that will happen to the email, as enqueueEmail records it.
  if (config.isDemoMode) {
    for (const p of mailed) {
      const message = { to: p.award.recipientEmail, subject: p.message.subject };
      events.push({
        award_id: p.award.id,
        kind: 'emailed',
        detail: emailEventDetail(message, DEMO_MAILBOX_OUTCOME),
      });
    }
  }
  await insertFromJson(
    tx,
    'award_events',
    { award_id: 'uuid', kind: 'award_event_kind', detail: 'text' },
    events,
  );
  if (mailed.length === 0) return;
  const tokenExpiry = claimLinkExpiry(config, new Date());
  await insertFromJson(
    tx,
    'claim_tokens',
    { token_hash: 'text', award_id: 'uuid', expires_at: 'timestamptz' },
    mailed.map((p) => ({ token_hash: p.tokenHash, award_id: p.award.id, expires_at: tokenExpiry })),
  );
  await insertFromJson(
    tx,
    'outbox',
    { kind: 'text', award_id: 'uuid', payload: 'jsonb', status: 'outbox_status' },
    mailed.map((p) => ({
      kind: 'email',
      award_id: p.award.id,
      payload: { to: p.award.recipientEmail, ...p.message },
      status: config.isDemoMode ? 'captured' : 'pending',
    })),
  );
}

/** Each row's outcome, and the job's counts, for the rows still pending (see run.ts). */
async function recordOutcomes(tx: Tx, jobId: string, outcomes: Outcome[]) {
  if (outcomes.length === 0) return;
  const rowNumbers = outcomes.map((o) => o.rowNumber);
  const first = Math.min(...rowNumbers);
  const last = Math.max(...rowNumbers);
  const values = JSON.stringify(
    outcomes.map((o) => ({ row_number: o.rowNumber, status: o.status, award_id: o.awardId, error: o.error })),
  );
  const updated = await tx.execute(sql`
    update ${bulkJobRows} as r
       set status = v.status, award_id = v.award_id, error = v.error
      from json_to_recordset(${values}::json)
           as v(row_number int, status bulk_row_status, award_id uuid, error text)
     where r.job_id = ${jobId} and r.row_number = v.row_number and r.status = 'pending'
       -- The batch's range, so the primary key is used rather than a scan of the whole job.
       and r.row_number between ${first} and ${last}
    returning v.status`);
  const statuses = rowsOf<{ status: Outcome['status'] }>(updated).map((r) => r.status);
  await tx
    .update(bulkJobs)
    .set({
      processed: sql`${bulkJobs.processed} + ${statuses.length}`,
      failed: sql`${bulkJobs.failed} + ${statuses.filter((s) => s === 'failed').length}`,
    })
    .where(eq(bulkJobs.id, jobId));
}
