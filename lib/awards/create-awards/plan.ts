import 'server-only';
import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { type Award, awards, type BadgeTemplate, badgeTemplates } from '@/db/schema';
import { newToken, sha256Hex } from '@/lib/crypto/tokens';
import type { RenderedMessage } from '@/lib/email/render';
import { AppError } from '@/lib/errors';
import { awardDates, EXPIRES_BEFORE_ISSUED } from '../award-dates';
import { type AwardInput, awardInputSchema, fieldErrorsOf } from '../award-input';
import { claimMailer } from '../claim-mail';
import type { AwardItem, AwardResult, CreateAwardsOptions } from './types';

export type NewAward = typeof awards.$inferInsert & { id: string; state: 'pending' | 'opted_out' };
/** An award to write, with its claim link's hash and its email (dropped if the learner opted out). */
export type FreshAward = { index: number; award: NewAward; tokenHash: string; message: RenderedMessage };
/** What is known before writing: the settled results (undefined for the fresh awards) and the fresh awards. */
export type Plan = { settled: Array<AwardResult | undefined>; fresh: FreshAward[] };

export const INVALID_FIELDS = 'Some fields are missing or invalid.';
const TEMPLATE_NOT_FOUND = 'No badge template with this id belongs to your issuer.';
const KEY_REUSED = 'This Idempotency-Key was already used with a different request.';

const failure = (error: AppError): AwardResult => ({ ok: false, error });

function validated(item: AwardItem): AwardInput | AppError {
  if ('input' in item) return item.input;
  const parsed = awardInputSchema.safeParse(item.raw);
  if (parsed.success) return parsed.data;
  return new AppError('invalid', INVALID_FIELDS, { fieldErrors: fieldErrorsOf(parsed.error) });
}

/**
 * Everything decided before the writing transaction, each query once for the whole call: which
 * items are replays or conflicts (their keys looked up), invalid, or for a template the issuer
 * cannot award; and for the rest the award row, claim token and rendered claim email.
 */
export async function planAwards(db: Db, opts: CreateAwardsOptions): Promise<Plan> {
  const { config, issuer } = opts;
  const settled: Plan['settled'] = [];
  const candidates: Array<{ index: number; input: AwardInput; key: string | null; fingerprint: string }> = [];
  const keys = new Set<string>();
  for (const [index, item] of opts.items.entries()) {
    const input = validated(item);
    if (input instanceof AppError) {
      settled[index] = failure(input);
      continue;
    }
    const key = item.idempotencyKey || null;
    if (key && keys.has(key)) throw new Error('createAwards: one idempotency key twice in one call');
    if (key) keys.add(key);
    // The API, the console and a CSV re-upload agree on "the same request" through this.
    candidates.push({ index, input, key, fingerprint: sha256Hex(JSON.stringify(input)) });
  }

  const earlier = await awardsByKey(db, issuer.id, [...keys]);
  const templates = await activeTemplates(
    db,
    issuer.id,
    candidates.map((c) => c.input.templateId),
  );
  const now = opts.now ?? new Date();
  const toMake: Array<(typeof candidates)[number] & { template: BadgeTemplate }> = [];
  for (const candidate of candidates) {
    const { index, input, key, fingerprint } = candidate;
    const previous = key ? earlier.get(key) : undefined;
    const template = templates.get(input.templateId);
    if (previous) {
      settled[index] =
        previous.requestFingerprint === fingerprint
          ? { ok: true, award: previous, isReplay: true }
          : failure(new AppError('conflict', KEY_REUSED));
    } else if (!template) {
      settled[index] = failure(new AppError('not_found', TEMPLATE_NOT_FOUND));
    } else if (awardDates(input, template, now).expiresBeforeIssued) {
      settled[index] = failure(
        new AppError('invalid', EXPIRES_BEFORE_ISSUED, {
          fieldErrors: { expiresAt: ['must be after issuedAt'] },
        }),
      );
    } else {
      toMake.push({ ...candidate, template });
    }
  }

  const mail = claimMailer({ config, issuer, isBatch: toMake.length > 1 });
  const fresh = await Promise.all(
    toMake.map(async ({ index, input, key, fingerprint, template }): Promise<FreshAward> => {
      const { issuedAt, expiresAt } = awardDates(input, template, now);
      const award: NewAward = {
        id: randomUUID(),
        issuerId: issuer.id,
        templateId: template.id,
        recipientEmail: input.recipient.email,
        recipientName: input.recipient.name,
        recipientSalt: randomBytes(16).toString('hex'),
        issuedAt,
        expiresAt,
        evidence: input.evidence ?? [],
        idempotencyKey: key,
        requestFingerprint: key ? fingerprint : null,
        state: 'pending',
      };
      // Every claim email is drafted here; learners who opted out are found in the writing transaction.
      const claim = newToken();
      const message = await mail(template, { name: award.recipientName, expiresAt, token: claim.token });
      return { index, award, tokenHash: claim.hash, message };
    }),
  );
  return { settled, fresh };
}

async function awardsByKey(db: Db, issuerId: string, keys: string[]): Promise<Map<string, Award>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .select()
    .from(awards)
    .where(and(eq(awards.issuerId, issuerId), inArray(awards.idempotencyKey, keys)));
  return new Map(rows.map((r) => [r.idempotencyKey as string, r]));
}

/** The issuer's templates among `ids` that can be awarded; another issuer's or an archived one is left out. */
async function activeTemplates(db: Db, issuerId: string, ids: string[]): Promise<Map<string, BadgeTemplate>> {
  const distinct = [...new Set(ids)];
  if (distinct.length === 0) return new Map();
  const rows = await db
    .select()
    .from(badgeTemplates)
    .where(
      and(
        inArray(badgeTemplates.id, distinct),
        eq(badgeTemplates.issuerId, issuerId),
        isNull(badgeTemplates.archivedAt),
      ),
    );
  return new Map(rows.map((t) => [t.id, t]));
}
