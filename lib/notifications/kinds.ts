// Kept free of server imports: the Settings form and the unsubscribe page both name the kinds.

/** The emails a learner can turn off. Everything else Laurel sends is transactional and always sent. */
export const NOTIFICATION_KINDS = ['badge_awarded', 'badge_expiring', 'badge_revoked'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_LABELS: Record<NotificationKind, { label: string; about: string }> = {
  badge_awarded: { label: 'Badge awarded', about: 'an issuer sends you a badge' },
  badge_expiring: { label: 'Badge expiring', about: 'a badge you accepted expires in 30 days' },
  badge_revoked: { label: 'Badge revoked', about: 'an issuer revokes one of your badges' },
};

export const isNotificationKind = (value: unknown): value is NotificationKind =>
  (NOTIFICATION_KINDS as readonly unknown[]).includes(value);

/**
 * What notification templates render where the recipient's unsubscribe link goes (one skeleton
 * serves a whole batch); the outbox puts each recipient's own link in its place.
 */
export const UNSUBSCRIBE_PLACEHOLDER = 'https://laurel.invalid/unsubscribe/LaurelUnsubscribePlaceholder';
