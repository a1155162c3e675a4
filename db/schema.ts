import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { VerificationReport } from '@/lib/openbadges/verify/types';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const ts = (name: string) => timestamp(name, { withTimezone: true });

export const awardState = pgEnum('award_state', ['pending', 'accepted', 'declined', 'opted_out']);
export const userTokenKind = pgEnum('user_token_kind', ['verify_email', 'reset_password']);
export const memberRole = pgEnum('member_role', ['admin', 'staff']);
export const webhookEvent = pgEnum('webhook_event', [
  'award.created',
  'award.accepted',
  'award.declined',
  'award.revoked',
  'test',
  'award.unclaimed',
]);
export const deliveryStatus = pgEnum('delivery_status', ['pending', 'sending', 'succeeded', 'failed']);
export const bulkJobStatus = pgEnum('bulk_job_status', ['validated', 'running', 'done', 'failed']);
export const bulkRowStatus = pgEnum('bulk_row_status', ['pending', 'awarded', 'skipped', 'failed']);
export const awardEventKind = pgEnum('award_event_kind', [
  'created',
  'emailed',
  'opened',
  'accepted',
  'declined',
  'revoked',
  'resent',
  'email_failed',
  'email_withheld',
  'revocation_emailed',
  'unclaimed',
]);
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
    /**
     * Set when the learner asked to delete the account: public surfaces hide them at once, signing
     * in cancels it, and the upkeep erases the account after the grace period (lib/accounts/deletion).
     */
    deletionRequestedAt: ts('deletion_requested_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_handle_key').on(sql`lower(${t.handle})`),
    // Only accounts being deleted: the upkeep's due query.
    index('users_deletion_requested_idx')
      .on(t.deletionRequestedAt)
      .where(sql`${t.deletionRequestedAt} is not null`),
    // /images/<id> asks whether an image is someone's photo (and whether that account is leaving).
    index('users_photo_idx').on(t.photoImageId).where(sql`${t.photoImageId} is not null`),
  ],
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

/** Signed-in sessions: the JWT carries the id, so signing out or a password reset can end them. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Fixed-window request counters (forgot password, sign-up, resend, verify), shared by every process. */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    key: text('key').notNull(),
    windowStart: ts('window_start').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
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

/** Who may act for an issuer in the console: admins manage keys, webhooks and members too. */
export const issuerMembers = pgTable(
  'issuer_members',
  {
    issuerId: uuid('issuer_id')
      .notNull()
      .references(() => issuers.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: memberRole('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.issuerId, t.userId] }), index('issuer_members_user_idx').on(t.userId)],
);

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

export type Alignment = {
  targetName: string;
  targetUrl: string;
  targetFramework?: string;
  targetCode?: string;
};

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
    /** Open Badges alignments: the frameworks and standards this badge maps to. */
    alignments: jsonb('alignments').$type<Alignment[]>().notNull().default([]),
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

export type EmailMessage = {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Sent for an issuer: From reads "‹senderName› via Laurel" (lib/email/sender.ts). */
  senderName?: string;
  /** The issuer's contact address, for replies. */
  replyTo?: string;
  /** A notification the recipient can turn off; the outbox adds the unsubscribe link and headers. */
  notification?: 'badge_awarded' | 'badge_expiring' | 'badge_revoked';
  /** Extra headers for the provider (List-Unsubscribe, List-Unsubscribe-Post). */
  headers?: Record<string, string>;
};

export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<'email'>().notNull(),
    payload: jsonb('payload').$type<EmailMessage>().notNull(),
    /** The award this message is about, so delivery can be written into the award's history. */
    awardId: uuid('award_id').references(() => awards.id, { onDelete: 'set null' }),
    status: outboxStatus('status').notNull(),
    /** Attempts so far; retries, their backoff and leases are the `email` queue's (lib/queue). */
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    providerId: text('provider_id'),
    sentAt: ts('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [index('outbox_status_created_idx').on(t.status, t.createdAt)],
);

/** An issuer's webhook receiver. The secret signs deliveries; it is stored encrypted (lib/webhooks). */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    issuerId: uuid('issuer_id')
      .notNull()
      .references(() => issuers.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    secretCiphertext: text('secret_ciphertext').notNull(),
    disabledAt: ts('disabled_at'),
    createdAt: createdAt(),
  },
  (t) => [index('webhook_endpoints_issuer_idx').on(t.issuerId)],
);

/** One event to deliver to one endpoint: the webhook outbox, written in the change's transaction. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    event: webhookEvent('event').notNull(),
    body: jsonb('body').$type<Record<string, unknown>>().notNull(),
    status: deliveryStatus('status').notNull().default('pending'),
    /** Attempts so far; retries, their backoff and leases are the `webhook` queue's (lib/queue). */
    attempts: integer('attempts').notNull().default(0),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    giveUpAt: ts('give_up_at').notNull(),
    deliveredAt: ts('delivered_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('webhook_deliveries_status_created_idx').on(t.status, t.createdAt),
    index('webhook_deliveries_endpoint_idx').on(t.endpointId),
  ],
);

export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId)],
);

/** A CSV upload: validated first, then awarded row by row in the background, resumable. */
export const bulkJobs = pgTable(
  'bulk_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    issuerId: uuid('issuer_id')
      .notNull()
      .references(() => issuers.id, { onDelete: 'cascade' }),
    templateId: uuid('template_id')
      .notNull()
      .references(() => badgeTemplates.id),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    fileName: text('file_name').notNull(),
    status: bulkJobStatus('status').notNull().default('validated'),
    total: integer('total').notNull(),
    processed: integer('processed').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    /** Batches that failed in a row; at MAX_BATCH_ATTEMPTS (lib/bulk/run.ts) the job is 'failed'. */
    attempts: integer('attempts').notNull().default(0),
    /** Why the last batch failed; shown to the issuer when the job gives up. */
    lastError: text('last_error'),
    lockedUntil: ts('locked_until'),
    createdAt: createdAt(),
    finishedAt: ts('finished_at'),
  },
  (t) => [index('bulk_jobs_issuer_idx').on(t.issuerId)],
);

export type BulkRowInput = {
  email: string;
  name: string;
  issuedAt?: string;
  expiresAt?: string;
  evidenceUrl?: string;
  evidenceNarrative?: string;
};

export const bulkJobRows = pgTable(
  'bulk_job_rows',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => bulkJobs.id, { onDelete: 'cascade' }),
    rowNumber: integer('row_number').notNull(),
    input: jsonb('input').$type<BulkRowInput>().notNull(),
    status: bulkRowStatus('status').notNull().default('pending'),
    awardId: uuid('award_id').references(() => awards.id),
    error: text('error'),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.rowNumber] })],
);

/** An award's history for the console: created, emailed, opened, accepted … */
export const awardEvents = pgTable(
  'award_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    awardId: uuid('award_id')
      .notNull()
      .references(() => awards.id, { onDelete: 'cascade' }),
    kind: awardEventKind('kind').notNull(),
    detail: text('detail'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('award_events_award_idx').on(t.awardId, t.at)],
);

/**
 * An issuer API request made with an Idempotency-Key: what was asked (method, path, body hash) and,
 * once answered, the answer to replay. A row without a response is a request still running.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    issuerId: uuid('issuer_id')
      .notNull()
      .references(() => issuers.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    responseStatus: integer('response_status'),
    responseHeaders: jsonb('response_headers').$type<Record<string, string>>(),
    responseBody: text('response_body'),
    lockedUntil: ts('locked_until').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.issuerId, t.key] }),
    index('idempotency_keys_created_idx').on(t.createdAt),
  ],
);

/** Requests per API key per minute, shared by every app process. */
export const apiRequestCounts = pgTable(
  'api_request_counts',
  {
    keyId: uuid('key_id')
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    windowStart: ts('window_start').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.windowStart] })],
);

/**
 * One row per client, public badge and day a view was counted, so a reload counts nothing. The
 * visitor is a keyed hash of client address and day (never the address); rows older than two
 * days are pruned as new views arrive.
 */
export const badgeViews = pgTable(
  'badge_views',
  {
    awardId: uuid('award_id')
      .notNull()
      .references(() => awards.id, { onDelete: 'cascade' }),
    visitorHash: text('visitor_hash').notNull(),
    day: date('day').notNull(),
  },
  (t) => [primaryKey({ columns: [t.awardId, t.visitorHash] }), index('badge_views_day_idx').on(t.day)],
);

export const issuerKeyKind = pgEnum('issuer_key_kind', ['Ed25519', 'RSA']);

/**
 * An issuer's signing keys (lib/openbadges/ob3/issuer-keys.ts): Ed25519 for Data Integrity proofs
 * and EdDSA VC-JWTs, RSA for RS256 VC-JWTs. Retired keys stay, so earlier credentials still
 * verify against the DID document; at most one current key of each kind (partial unique index).
 */
export const issuerKeys = pgTable(
  'issuer_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    issuerId: uuid('issuer_id')
      .notNull()
      .references(() => issuers.id, { onDelete: 'cascade' }),
    /** The verification method's fragment: the Multikey value (Ed25519) or the JWK thumbprint (RSA). */
    keyId: text('key_id').notNull(),
    kind: issuerKeyKind('kind').notNull(),
    publicKeyMultibase: text('public_key_multibase'),
    publicKeyJwk: jsonb('public_key_jwk').$type<Record<string, string>>(),
    /** encryptAtRest(…, 'issuer-signing-key') of the private key. */
    privateKeyCiphertext: text('private_key_ciphertext').notNull(),
    isCurrent: boolean('is_current').notNull().default(true),
    createdAt: createdAt(),
    retiredAt: ts('retired_at'),
  },
  (t) => [
    uniqueIndex('issuer_keys_issuer_key_id').on(t.issuerId, t.keyId),
    uniqueIndex('issuer_keys_one_current').on(t.issuerId, t.kind).where(sql`${t.isCurrent}`),
  ],
);

/**
 * The OpenBadgeCredential of an accepted award, signed once and kept: the JSON text exactly as
 * signed (jsonb would reorder its keys), its RS256 VC-JWT and its EdDSA VC-JWT. Rows made before
 * the EdDSA form existed have `jwt_eddsa` null until the credential is next asked for.
 */
export const ob3Credentials = pgTable('ob3_credentials', {
  awardId: uuid('award_id')
    .primaryKey()
    .references(() => awards.id, { onDelete: 'cascade' }),
  credentialJson: text('credential_json').notNull(),
  jwt: text('jwt').notNull(),
  jwtEdDsa: text('jwt_eddsa'),
  createdAt: createdAt(),
});

/**
 * An issuer's W3C Bitstring Status Lists (purpose revocation). `version` goes up with every
 * revocation of an award on the list; the signed list credential is cached with the version it
 * was built from, so a revocation makes the cache stale in the revocation's own transaction.
 */
export const statusLists = pgTable(
  'status_lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    issuerId: uuid('issuer_id')
      .notNull()
      .references(() => issuers.id, { onDelete: 'cascade' }),
    /** Bits in the list; indexes are drawn at random below it. */
    size: integer('size').notNull(),
    /** Entries the list takes before a new one is started (a fraction of size, so draws rarely collide). */
    capacity: integer('capacity').notNull(),
    entryCount: integer('entry_count').notNull().default(0),
    version: integer('version').notNull().default(0),
    signedCredential: jsonb('signed_credential').$type<Record<string, unknown>>(),
    signedVersion: integer('signed_version'),
    createdAt: createdAt(),
  },
  (t) => [index('status_lists_issuer_idx').on(t.issuerId)],
);

/** Which bit of which list speaks for an award: one entry per award, one award per bit. */
export const statusListEntries = pgTable(
  'status_list_entries',
  {
    listId: uuid('list_id')
      .notNull()
      .references(() => statusLists.id, { onDelete: 'cascade' }),
    statusIndex: integer('status_index').notNull(),
    awardId: uuid('award_id')
      .notNull()
      .references(() => awards.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.listId, t.statusIndex] }),
    uniqueIndex('status_list_entries_award_idx').on(t.awardId),
  ],
);

/** Emails a learner can turn off (lib/notifications/kinds.ts); all others are transactional. */
export const notificationKind = pgEnum('notification_kind', [
  'badge_awarded',
  'badge_expiring',
  'badge_revoked',
]);

/** An account's choice per kind; no row means on. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: notificationKind('kind').notNull(),
    isEnabled: boolean('is_enabled').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/** An unsubscribe link used for an address (lowercased), whether or not an account holds it. */
export const notificationOptOuts = pgTable(
  'notification_opt_outs',
  {
    email: text('email').notNull(),
    kind: notificationKind('kind').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.email, t.kind] })],
);

/** The one "expires in 30 days" reminder per accepted award: the row is the marker that it was sent. */
export const awardExpiryReminders = pgTable('award_expiry_reminders', {
  awardId: uuid('award_id')
    .primaryKey()
    .references(() => awards.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
});

export const importedBadgeStatus = pgEnum('imported_badge_status', [
  'verified',
  'unverified',
  'expired',
  'invalid',
]);

/** A badge earned outside Laurel that a learner added to their wallet: the file as given, and what it says. */
export const importedBadges = pgTable(
  'imported_badges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The bytes as uploaded, pasted or fetched: downloads give these back unchanged. */
    original: bytea('original').notNull(),
    mediaType: text('media_type').notNull(),
    /**
     * What visitors of a public badge see instead of the original, which may name the recipient's
     * email in its baked credential: a PNG with only its drawing chunks, or an SVG drawn as PNG.
     * Null when there is no image (JSON, JWT) or it could not be drawn: visitors get a placeholder.
     */
    publicImage: bytea('public_image'),
    fileName: text('file_name'),
    /** e.g. "Open Badges 3.0 · baked PNG". */
    format: text('format').notNull(),
    credential: jsonb('credential').$type<Record<string, unknown>>().notNull(),
    badgeName: text('badge_name').notNull(),
    description: text('description'),
    imageUrl: text('image_url'),
    issuerName: text('issuer_name').notNull(),
    issuerUrl: text('issuer_url'),
    issuedAt: ts('issued_at'),
    expiresAt: ts('expires_at'),
    /** False when the badge names no email address (a DID or web address subject): allowed, labelled. */
    isRecipientChecked: boolean('is_recipient_checked').notNull(),
    status: importedBadgeStatus('status').notNull(),
    /** Once verified (or found genuine but expired), ever: only such a badge may be made public. */
    hasBeenVerified: boolean('has_been_verified').notNull().default(false),
    report: jsonb('report').$type<VerificationReport>().notNull(),
    verifiedAt: ts('verified_at').notNull(),
    retryCount: integer('retry_count').notNull().default(0),
    isPublic: boolean('is_public').notNull().default(false),
    /** The credential's or assertion's id, else a hash of its canonical JSON: one copy per user. */
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('imported_badges_user_dedupe_key').on(t.userId, t.dedupeKey),
    index('imported_badges_unverified_idx').on(t.verifiedAt).where(sql`${t.status} = 'unverified'`),
  ],
);

export const dataExportStatus = pgEnum('data_export_status', [
  'queued',
  'running',
  'ready',
  'failed',
  'expired',
]);

/**
 * A user's "Download your data" request: built in the background (lib/data-export), its zip kept in
 * data_export_chunks until it expires. At most one queued or running per user (the partial index).
 */
export const dataExports = pgTable(
  'data_exports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: dataExportStatus('status').notNull().default('queued'),
    /** Badges written so far of `total`, for the progress bar. */
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    attempts: integer('attempts').notNull().default(0),
    /** Why the last attempt failed, in words for the owner. */
    lastError: text('last_error'),
    /** Renewed while a worker writes; a running export whose heartbeat stopped is taken over. */
    heartbeatAt: ts('heartbeat_at'),
    createdAt: createdAt(),
    finishedAt: ts('finished_at'),
    expiresAt: ts('expires_at'),
  },
  (t) => [
    index('data_exports_user_idx').on(t.userId, t.createdAt),
    uniqueIndex('data_exports_one_active_key').on(t.userId).where(sql`${t.status} in ('queued', 'running')`),
  ],
);

/** An export's zip, in order, about 1 MB a row: every instance can stream it out. */
export const dataExportChunks = pgTable(
  'data_export_chunks',
  {
    exportId: uuid('export_id')
      .notNull()
      .references(() => dataExports.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.exportId, t.seq] })],
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
export type StatusList = typeof statusLists.$inferSelect;
export type IssuerKey = typeof issuerKeys.$inferSelect;
export type ImportedBadge = typeof importedBadges.$inferSelect;
export type DataExport = typeof dataExports.$inferSelect;

export * from './schema-labor-market';
