import { matchesIdentity } from '@/lib/openbadges/ob2/identity';
import type { VerifyContext } from '../context';
import { isRecord } from '../fetch-json';
import { asList, typesOf } from './detect';

const identityWords: Record<string, string> = {
  emailAddress: 'an email address',
  url: 'a web address',
  phone: 'a phone number',
};

/**
 * Compares the recipient (credentialSubject.identifier IdentityObjects, hashed with their salt as
 * in OB 2.0, or the subject id) with the person the visitor names, when one is given.
 */
export function checkVcRecipient(ctx: VerifyContext, subject: unknown): void {
  const identities = isRecord(subject)
    ? asList(subject.identifier).filter((item) => isRecord(item) && typesOf(item).includes('IdentityObject'))
    : [];
  const subjectId = isRecord(subject) && typeof subject.id === 'string' ? subject.id : undefined;
  const expected = ctx.expectedRecipient;
  if (!expected) {
    const first = identities[0] as Record<string, unknown> | undefined;
    const kind = first ? (identityWords[String(first.identityType)] ?? 'an identifier') : 'an identifier';
    const how = first?.hashed === true ? `${kind}, kept private as a hash` : subjectId ? subjectId : kind;
    ctx.checks.skip(
      'recipient',
      'Recipient not compared',
      `It was awarded to ${how}; no one was given to compare it with.`,
    );
    return;
  }
  const name = ctx.recipientName ?? expected;
  const matches = identities.some((item) => {
    const identity = item as Record<string, unknown>;
    if (typeof identity.identityHash !== 'string') return false;
    return matchesIdentity(
      {
        identity: identity.identityHash,
        hashed: identity.hashed === true,
        salt: typeof identity.salt === 'string' ? identity.salt : undefined,
        type: identity.identityType === 'emailAddress' ? 'email' : 'id',
      },
      expected,
    );
  });
  if (matches || subjectId === expected.trim()) {
    ctx.checks.pass('recipient', `Awarded to ${name}`, `The credential's recipient matches ${name}.`);
    return;
  }
  ctx.checks.fail(
    'recipient',
    `Not awarded to ${name}`,
    `The credential was awarded to someone who is not ${ctx.recipientName ? `the one on ${name}` : name}.`,
  );
}
