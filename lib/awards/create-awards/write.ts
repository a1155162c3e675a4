import 'server-only';
import { getTableColumns, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '@/db/client';
import { type Award, awards, type Issuer } from '@/db/schema';
import { enqueueEmails } from '@/lib/email/outbox';
import { enqueueWebhookEvents } from '@/lib/webhooks/events';
import { claimLinkExpiry } from '../award-dates';
import { OPTED_OUT_DETAIL } from '../history';
import { optedOutAddresses } from '../opt-out';
import type { FreshAward } from './plan';
import type { AwardsConfig, CreateAwardsOptions } from './types';

/** The 'created' step's detail for an award made from a CSV upload (and emailed). */
export const FROM_CSV_DETAIL = 'From a CSV upload';

/**
 * Inserts rows as one JSON parameter that json_to_recordset expands: for hundreds of rows much
 * cheaper than a VALUES list built value by value, and the same statement for one row.
 * `columns` (name → SQL type) are constants.
 */
function insertFromJson(
  tx: Tx,
  table: string,
  columns: Record<string, string>,
  rows: object[],
  returning = sql``,
) {
  const names = sql.raw(Object.keys(columns).join(', '));
  const types = sql.raw(
    Object.entries(columns)
      .map(([name, type]) => `${name} ${type}`)
      .join(', '),
  );
  return tx.execute(sql`
    insert into ${sql.identifier(table)} (${names})
    select ${names} from json_to_recordset(${JSON.stringify(rows)}::json) as x(${types})
    ${returning}`);
}

const AWARD_FIELDS = Object.entries(getTableColumns(awards));

/**
 * A row of `returning *` as drizzle's own select gives it (property names, each value decoded by
 * its column), so the stored awards come back without another query.
 */
function storedAward(row: Record<string, unknown>): Award {
  const entries = AWARD_FIELDS.map(([key, column]) => {
    const value = row[column.name];
    return [key, value === null || value === undefined ? null : column.mapFromDriverValue(value)];
  });
  return Object.fromEntries(entries) as Award;
}

const AWARD_COLUMNS = {
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
};

/**
 * Writes the fresh awards in the caller's transaction: the awards, their webhook events, the
 * 'created' history step, and for learners who have not opted out the claim token and the claim
 * email. The opt-out rule is read here, under its lock, so an opt-out saved meanwhile is not
 * missed. Returns the awards as stored, by id.
 */
export async function writeAwards(
  tx: Tx,
  opts: {
    config: AwardsConfig;
    issuer: Issuer;
    fresh: FreshAward[];
    now: Date;
    source: CreateAwardsOptions['source'];
  },
): Promise<Map<string, Award>> {
  const { config, issuer, fresh } = opts;
  if (fresh.length === 0) return new Map();
  const optedOut = await optedOutAddresses(
    tx,
    fresh.map((f) => f.award.recipientEmail),
  );
  // A learner who opted out gets the award as 'opted_out': no claim link, no email, never shown to them.
  const rows = fresh.map((f) => ({
    ...f,
    award: { ...f.award, state: optedOut.has(f.award.recipientEmail) ? 'opted_out' : f.award.state },
  }));
  const inserted = await insertFromJson(
    tx,
    'awards',
    AWARD_COLUMNS,
    rows.map(({ award: a }) => ({
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
    sql`returning *`,
  );
  const stored = rowsOf<Record<string, unknown>>(inserted).map(storedAward);
  const byId = new Map(stored.map((a) => [a.id, a]));
  // Webhooks: the issuer hears of every award, opted-out ones included (state 'opted_out').
  await enqueueWebhookEvents(tx, {
    issuerId: issuer.id,
    event: 'award.created',
    awards: rows.flatMap((r) => byId.get(r.award.id) ?? []),
    appUrl: config.appUrl,
  });

  const mailed = rows.filter((r) => r.award.state !== 'opted_out');
  const emailedDetail = opts.source === 'csv' ? FROM_CSV_DETAIL : null;
  await insertFromJson(
    tx,
    'award_events',
    { award_id: 'uuid', kind: 'award_event_kind', detail: 'text' },
    rows.map((r) => ({
      award_id: r.award.id,
      kind: 'created',
      detail: r.award.state === 'opted_out' ? OPTED_OUT_DETAIL : emailedDetail,
    })),
  );
  if (mailed.length === 0) return byId;
  const tokenExpiry = claimLinkExpiry(config, opts.now);
  await insertFromJson(
    tx,
    'claim_tokens',
    { token_hash: 'text', award_id: 'uuid', expires_at: 'timestamptz' },
    mailed.map((r) => ({ token_hash: r.tokenHash, award_id: r.award.id, expires_at: tokenExpiry })),
  );
  await enqueueEmails(tx, {
    messages: mailed.map((r) => ({
      message: { to: r.award.recipientEmail, ...r.message },
      awardId: r.award.id,
    })),
    isDemoMode: config.isDemoMode,
  });
  return byId;
}
