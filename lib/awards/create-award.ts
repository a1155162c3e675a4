import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { type Award, awards, type BadgeTemplate, claimTokens, type Issuer } from '@/db/schema';
import type { Config } from '@/lib/config';
import { newToken, sha256Hex } from '@/lib/crypto/tokens';
import { isUniqueViolation } from '@/lib/db-errors';
import { enqueueEmail } from '@/lib/email/outbox';
import { badgeAwardedMessage } from '@/lib/email/render';
import { AppError } from '@/lib/errors';
import { imageUrl } from '@/lib/images/store';
import { findActiveTemplate } from '@/lib/issuers/issuers';
import { enqueueWebhookEvent } from '@/lib/webhooks/events';
import { awardDates, claimLinkExpiry, EXPIRES_BEFORE_ISSUED } from './award-dates';
import type { AwardInput } from './award-input';
import { OPTED_OUT_DETAIL, recordAwardEvent } from './history';
import { isAddressOptedOut } from './opt-out';

type CreateAwardOptions = {
  db: Db;
  config: Pick<Config, 'appUrl' | 'claimTokenTtlDays' | 'isDemoMode'>;
  issuer: Issuer;
  input: AwardInput;
  idempotencyKey?: string | null;
  now?: Date;
};

/**
 * Awards a badge: the award, its claim token and the claim email are written in one
 * transaction. With an idempotency key, a repeat of the same request returns the first award
 * and sends nothing; the same key with a different request is a conflict.
 */
export async function createAward(opts: CreateAwardOptions): Promise<{ award: Award; isReplay: boolean }> {
  const { db, config, issuer, input } = opts;
  const idempotencyKey = opts.idempotencyKey || null;
  const fingerprint = sha256Hex(JSON.stringify(input));

  if (idempotencyKey) {
    const previous = await findByIdempotencyKey(db, issuer.id, idempotencyKey);
    if (previous) return replay(previous, fingerprint);
  }

  const template = await findActiveTemplate(db, { issuerId: issuer.id, templateId: input.templateId });
  if (!template) throw new AppError('not_found', 'No badge template with this id belongs to your issuer.');

  const now = opts.now ?? new Date();
  const { issuedAt, expiresAt, expiresBeforeIssued } = awardDates(input, template, now);
  if (expiresBeforeIssued) {
    throw new AppError('invalid', EXPIRES_BEFORE_ISSUED, {
      fieldErrors: { expiresAt: ['must be after issuedAt'] },
    });
  }

  const claim = newToken();
  const message = await claimMessage({
    config,
    issuer,
    template,
    recipientName: input.recipient.name,
    expiresAt,
    token: claim.token,
  });

  try {
    const award = await db.transaction(async (tx) => {
      // A learner who opted out gets no email and never sees the award; the issuer sees 'opted_out'.
      // Checked here, under the opt-out rule's lock, so an opt-out saved meanwhile is not missed.
      const isOptedOut = await isAddressOptedOut(tx, input.recipient.email);
      const [row] = await tx
        .insert(awards)
        .values({
          issuerId: issuer.id,
          templateId: template.id,
          recipientEmail: input.recipient.email,
          recipientName: input.recipient.name,
          recipientSalt: randomBytes(16).toString('hex'),
          issuedAt,
          expiresAt,
          evidence: input.evidence ?? [],
          idempotencyKey,
          requestFingerprint: idempotencyKey ? fingerprint : null,
          state: isOptedOut ? 'opted_out' : 'pending',
        })
        .returning();
      if (!row) throw new Error('award insert returned nothing');
      // Webhooks: the issuer hears of every award, opted-out ones included (state 'opted_out').
      await enqueueWebhookEvent(tx, {
        issuerId: issuer.id,
        event: 'award.created',
        award: row,
        appUrl: config.appUrl,
      });
      await recordAwardEvent(tx, {
        awardId: row.id,
        kind: 'created',
        detail: isOptedOut ? OPTED_OUT_DETAIL : null,
      });
      if (isOptedOut) return row;
      await tx.insert(claimTokens).values({
        tokenHash: claim.hash,
        awardId: row.id,
        expiresAt: claimLinkExpiry(config, now),
      });
      await enqueueEmail(tx, {
        message: { to: row.recipientEmail, ...message },
        isDemoMode: config.isDemoMode,
        awardId: row.id,
      });
      return row;
    });
    return { award, isReplay: false };
  } catch (error) {
    // A concurrent request with the same key won the insert: answer with its award.
    if (idempotencyKey && isUniqueViolation(error)) {
      const previous = await findByIdempotencyKey(db, issuer.id, idempotencyKey);
      if (previous) return replay(previous, fingerprint);
    }
    throw error;
  }
}

/**
 * The claim email for an award (new or resent), rendered before the transaction that queues it.
 * It is sent for the issuer: their name on the From line, replies to their contact address.
 */
export async function claimMessage(input: {
  config: Pick<Config, 'appUrl' | 'claimTokenTtlDays'>;
  issuer: Pick<Issuer, 'name' | 'email'>;
  template: Pick<BadgeTemplate, 'name' | 'description' | 'imageId' | 'pngImageId'>;
  recipientName: string;
  expiresAt: Date | null;
  token: string;
}) {
  const { config, template } = input;
  const rendered = await badgeAwardedMessage({
    recipientName: input.recipientName,
    badgeName: template.name,
    badgeDescription: template.description,
    // Many mail clients do not show SVG; the stored PNG rendering works everywhere.
    badgeImageUrl: imageUrl(config.appUrl, template.pngImageId ?? template.imageId),
    issuerName: input.issuer.name,
    claimUrl: `${config.appUrl}/claim/${input.token}`,
    expiresAt: input.expiresAt,
    tokenExpiresInDays: config.claimTokenTtlDays,
  });
  return { ...rendered, senderName: input.issuer.name, replyTo: input.issuer.email };
}

async function findByIdempotencyKey(db: Db, issuerId: string, key: string) {
  const [row] = await db
    .select()
    .from(awards)
    .where(and(eq(awards.issuerId, issuerId), eq(awards.idempotencyKey, key)));
  return row ?? null;
}

function replay(award: Award, fingerprint: string) {
  if (award.requestFingerprint !== fingerprint) {
    throw new AppError('conflict', 'This Idempotency-Key was already used with a different request.');
  }
  return { award, isReplay: true };
}

export async function findIssuerAward(db: Db, input: { issuerId: string; awardId: string }) {
  const [row] = await db
    .select()
    .from(awards)
    .where(and(eq(awards.id, input.awardId), eq(awards.issuerId, input.issuerId)));
  return row ?? null;
}
