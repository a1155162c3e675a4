/** Days between asking to delete an account and the upkeep erasing it; signing in meanwhile cancels. */
export const DELETION_GRACE_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a deletion asked for at `requestedAt` becomes final. */
export function deletionFinalAt(requestedAt: Date): Date {
  return new Date(requestedAt.getTime() + DELETION_GRACE_DAYS * DAY_MS);
}
