import { matchesIdentity } from '@/lib/openbadges/ob2/identity';
import type { Assertion } from './assertion';
import type { VerifyContext } from './context';
import { parseDateTime, readableDate } from './dates';

/**
 * The reference validator's timestamp checks (OVC assertion_timestamp_checks): not issued in the
 * future, not expiring before it was issued, not expired.
 */
export function checkTimestamps(ctx: VerifyContext, assertion: Assertion): void {
  const issuedOn = parseDateTime(assertion.issuedOn);
  const expires = parseDateTime(assertion.expires);
  const issued = readableDate(assertion.issuedOn);
  if (issuedOn && issuedOn > ctx.now) {
    ctx.checks.fail(
      'issued-date',
      `Issued on a future date (${issued})`,
      'A badge cannot be awarded before its issue date.',
    );
  } else {
    ctx.checks.pass('issued-date', `Issued on ${issued}`, 'The issue date is in the past.');
  }
  if (!assertion.expires || !expires) {
    ctx.checks.pass('expiry', 'Does not expire', 'The issuer set no expiry date.');
    return;
  }
  const expiry = readableDate(assertion.expires);
  if (issuedOn && expires < issuedOn) {
    ctx.checks.fail(
      'expiry',
      `Expires before it was issued (${expiry})`,
      `It expires on ${expiry}, before its issue date, ${issued}.`,
    );
  } else if (expires < ctx.now) {
    ctx.checks.fail(
      'expiry',
      `Expired on ${expiry}`,
      'The issuer set this badge to expire; it is no longer current.',
    );
  } else {
    ctx.checks.pass('expiry', `Valid until ${expiry}`, 'The badge has not expired yet.');
  }
}

const recipientWords: Record<string, string> = {
  email: 'an email address',
  url: 'a web address',
  telephone: 'a phone number',
  id: 'an identifier',
};

/** Compares the recipient with the person the badge is expected to belong to, when one is given. */
export function checkRecipient(ctx: VerifyContext, assertion: Assertion): void {
  const kind = recipientWords[assertion.recipient.type ?? 'email'] ?? 'an identifier';
  const expected = ctx.expectedRecipient;
  if (!expected) {
    const how = assertion.recipient.hashed ? `${kind}, kept private as a hash` : kind;
    ctx.checks.skip(
      'recipient',
      'Recipient not compared',
      `The badge was awarded to ${how}; no one was given to compare it with.`,
    );
    return;
  }
  const name = ctx.recipientName ?? expected;
  if (matchesIdentity(assertion.recipient, expected)) {
    ctx.checks.pass('recipient', `Awarded to ${name}`, `The badge's recipient matches ${name}.`);
  } else {
    ctx.checks.fail(
      'recipient',
      `Not awarded to ${name}`,
      `The badge was awarded to ${kind} that is not ${ctx.recipientName ? `the one on ${name}` : name}.`,
    );
  }
}
