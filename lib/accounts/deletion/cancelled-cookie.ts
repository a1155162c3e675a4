/**
 * A one-time note that a sign-in just cancelled the account's deletion: set by the sign-in, read
 * by the next (site) page, which shows "Your account deletion was cancelled" and clears it. It says
 * only that, holds no secret, and lives five minutes at most. Safe in the browser bundle.
 */
export const DELETION_CANCELLED_COOKIE = 'laurel-deletion-cancelled';
export const DELETION_CANCELLED_MAX_AGE_SECONDS = 300;
