import { relations, sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const ts = (name: string) => timestamp(name, { withTimezone: true });

export const awardState = pgEnum('award_state', ['pending', 'accepted', 'declined', 'opted_out']);
export const userTokenKind = pgEnum('user_token_kind', ['verify_email', 'reset_password']);
export const outboxStatus = pgEnum('outbox_status', ['pending', 'sending', 'sent', 'failed', 'captured']);

export const images = pgTable('images', {
  id: uuid('id').primaryKey().defaultRandom(),
  contentType: text('content_type').notNull(),
  bytes: bytea('bytes').notNull(),
  createdAt: createdAt(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: ts('password_changed_at').notNull().defaultNow(),
    /** Public profile address /u/<handle>; unique ignoring case (see the index). */
    handle: text('handle'),
    headline: text('headline').notNull().default(''),
    photoImageId: uuid('photo_image_id').references(() => images.id),
    isProfilePublic: boolean('is_profile_public').notNull().default(false),
    /** "I do not want to participate in achievements": set while the learner has opted out. */
    optedOutAt: ts('opted_out_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_handle_key').on(sql`lower(${t.handle})`)],
);

export const userEmails = pgTable(
  'user_emails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    isPrimary: boolean('is_primary').notNull().default(false),
    verifiedAt: ts('verified_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('user_emails_email_key').on(t.email),
    index('user_emails_user_idx').on(t.userId),
    uniqueIndex('user_emails_one_primary_key').on(t.userId).where(sql`${t.isPrimary}`),
  ],
);

/** Single-use tokens sent to a user by email: address verification and password reset. */
export const userTokens = pgTable(
  'user_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    kind: userTokenKind('kind').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('user_tokens_user_idx').on(t.userId)],
);

/** Failed sign-in attempts, keyed by account and by client, for rate limiting across processes. */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('sign_in_failures_key_at_idx').on(t.key, t.at)],
);

export const issuers = pgTable('issuers', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  url: text('url').notNull(),
  email: text('email').notNull(),
  description: text('description').notNull().default(''),
  imageId: uuid('image_id').references(() => images.id),
  createdAt: createdAt(),
});

export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    issuerId: uuid('issuer_id')
      .notNull()
      .references(() => issuers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull().unique(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [index('api_keys_issuer_idx').on(t.issuerId)],
);

export const badgeTemplates = pgTable(
  'badge_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    issuerId: uuid('issuer_id')
      .notNull()
      .references(() => issuers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull(),
    imageId: uuid('image_id')
      .notNull()
      .references(() => images.id),
    /** A PNG of the image (the same image for PNG templates, a rendering for SVG): baking, previews. */
    pngImageId: uuid('png_image_id').references(() => images.id),
    criteriaNarrative: text('criteria_narrative').notNull(),
    criteriaUrl: text('criteria_url'),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    validityDays: integer('validity_days'),
    archivedAt: ts('archived_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('badge_templates_issuer_name_key').on(t.issuerId, t.name)],
);

export type Evidence = { url?: string; narrative?: string };

export const awards = pgTable(
  'awards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    issuerId: uuid('issuer_id')
      .notNull()
      .references(() => issuers.id),
    templateId: uuid('template_id')
      .notNull()
      .references(() => badgeTemplates.id),
    recipientEmail: text('recipient_email').notNull(),
    recipientName: text('recipient_name').notNull(),
    recipientSalt: text('recipient_salt').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    state: awardState('state').notNull().default('pending'),
    isPublic: boolean('is_public').notNull().default(true),
    issuedAt: ts('issued_at').notNull(),
    expiresAt: ts('expires_at'),
    evidence: jsonb('evidence').$type<Evidence[]>().notNull().default([]),
    decidedAt: ts('decided_at'),
    revokedAt: ts('revoked_at'),
    revocationReason: text('revocation_reason'),
    /** Counts only: no visitor data is stored. */
    viewCount: integer('view_count').notNull().default(0),
    verifyCount: integer('verify_count').notNull().default(0),
    shareCount: integer('share_count').notNull().default(0),
    idempotencyKey: text('idempotency_key'),
    requestFingerprint: text('request_fingerprint'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('awards_issuer_idempotency_key').on(t.issuerId, t.idempotencyKey),
    index('awards_recipient_email_idx').on(t.recipientEmail),
    index('awards_user_idx').on(t.userId),
  ],
);

export const claimTokens = pgTable(
  'claim_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    awardId: uuid('award_id')
      .notNull()
      .references(() => awards.id, { onDelete: 'cascade' }),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('claim_tokens_award_idx').on(t.awardId)],
);

export type EmailMessage = { to: string; subject: string; html: string; text: string };

export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<'email'>().notNull(),
    payload: jsonb('payload').$type<EmailMessage>().notNull(),
    status: outboxStatus('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    lockedUntil: ts('locked_until'),
    lastError: text('last_error'),
    providerId: text('provider_id'),
    sentAt: ts('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [index('outbox_due_idx').on(t.status, t.nextAttemptAt)],
);

export const usersRelations = relations(users, ({ many }) => ({ emails: many(userEmails) }));
export const userEmailsRelations = relations(userEmails, ({ one }) => ({
  user: one(users, { fields: [userEmails.userId], references: [users.id] }),
}));
export const issuersRelations = relations(issuers, ({ many }) => ({ templates: many(badgeTemplates) }));
export const badgeTemplatesRelations = relations(badgeTemplates, ({ one }) => ({
  issuer: one(issuers, { fields: [badgeTemplates.issuerId], references: [issuers.id] }),
}));
export const awardsRelations = relations(awards, ({ one }) => ({
  template: one(badgeTemplates, { fields: [awards.templateId], references: [badgeTemplates.id] }),
  issuer: one(issuers, { fields: [awards.issuerId], references: [issuers.id] }),
  user: one(users, { fields: [awards.userId], references: [users.id] }),
}));

export type User = typeof users.$inferSelect;
export type Issuer = typeof issuers.$inferSelect;
export type BadgeTemplate = typeof badgeTemplates.$inferSelect;
export type Award = typeof awards.$inferSelect;
export type AwardState = Award['state'];
export type OutboxRow = typeof outbox.$inferSelect;
