import type { VerifyContext } from '../context';
import { parseDateTime, readableDate } from '../dates';
import type { VcVersion } from './detect';

/** The validity period: validFrom/validUntil (VC 2.0) or issuanceDate/expirationDate (VC 1.1). */
export function validityOf(credential: Record<string, unknown>, version: VcVersion) {
  const from = version === '2.0' ? credential.validFrom : credential.issuanceDate;
  const until = version === '2.0' ? credential.validUntil : credential.expirationDate;
  return {
    from: typeof from === 'string' ? from : undefined,
    until: typeof until === 'string' ? until : undefined,
  };
}

/** Not yet valid and expired credentials fail; an expiry before the start date fails too. */
export function checkValidity(
  ctx: VerifyContext,
  credential: Record<string, unknown>,
  version: VcVersion,
): void {
  const { from, until } = validityOf(credential, version);
  const start = parseDateTime(from);
  const end = parseDateTime(until);
  if (from && start) {
    ctx.badge.issuedOn ??= from;
    if (start > ctx.now) {
      ctx.checks.fail(
        'issued-date',
        `Not valid until ${readableDate(from)}`,
        'The issuer made it valid from a date still to come.',
      );
    } else {
      ctx.checks.pass('issued-date', `Valid from ${readableDate(from)}`, 'Its start date has passed.');
    }
  }
  if (!until || !end) {
    ctx.checks.pass('expiry', 'Does not expire', 'The issuer set no end date.');
    return;
  }
  ctx.badge.expires ??= until;
  if (start && end < start) {
    ctx.checks.fail(
      'expiry',
      `Expires before it starts (${readableDate(until)})`,
      `Its end date is before its start date, ${readableDate(from ?? '')}.`,
    );
  } else if (end < ctx.now) {
    ctx.checks.fail(
      'expiry',
      `Expired on ${readableDate(until)}`,
      'The issuer set it to expire; it is no longer current.',
    );
  } else {
    ctx.checks.pass('expiry', `Valid until ${readableDate(until)}`, 'It has not expired yet.');
  }
}
