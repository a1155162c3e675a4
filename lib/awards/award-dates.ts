import type { BadgeTemplate } from '@/db/schema';
import type { Config } from '@/lib/config';
import type { AwardInput } from './award-input';

const DAY_MS = 86_400_000;

export const EXPIRES_BEFORE_ISSUED = 'The award would expire before it was issued.';

/**
 * An award's dates: issued now unless given, and expiring when given or after the template's
 * validity period. `expiresBeforeIssued` is the one mistake the input schema cannot see (the
 * expiry comes from the template).
 */
export function awardDates(
  input: Pick<AwardInput, 'issuedAt' | 'expiresAt'>,
  template: Pick<BadgeTemplate, 'validityDays'>,
  now: Date,
) {
  const issuedAt = input.issuedAt ?? now;
  const expiresAt =
    input.expiresAt ??
    (template.validityDays ? new Date(issuedAt.getTime() + template.validityDays * DAY_MS) : null);
  return { issuedAt, expiresAt, expiresBeforeIssued: Boolean(expiresAt && expiresAt <= issuedAt) };
}

/** When a claim link sent now stops working. */
export function claimLinkExpiry(config: Pick<Config, 'claimTokenTtlDays'>, now: Date): Date {
  return new Date(now.getTime() + config.claimTokenTtlDays * DAY_MS);
}
