import { matchesIdentity, type RecipientIdentity } from '@/lib/openbadges/ob2/identity';
import type { VerifyContext } from '../context';
import { isRecord } from '../fetch-json';
import { asList, typesOf } from './detect';

const identityWords: Record<string, string> = {
  emailAddress: 'an email address',
  url: 'a web address',
  phone: 'a phone number',
};

/** The subject's IdentityObjects in OB 2.0's shape (an `emailAddress` is type 'email'), and its id. */
export function subjectIdentities(subject: unknown): { identities: RecipientIdentity[]; subjectId?: string } {
  if (!isRecord(subject)) return { identities: [] };
  const identities = asList(subject.identifier).flatMap((item) => {
    if (!isRecord(item) || !typesOf(item).includes('IdentityObject')) return [];
    if (typeof item.identityHash !== 'string') return [];
    const type = item.identityType === 'emailAddress' ? 'email' : String(item.identityType ?? 'id');
    const salt = typeof item.salt === 'string' ? item.salt : undefined;
    return [{ identity: item.identityHash, hashed: item.hashed === true, salt, type }];
  });
  return { identities, ...(typeof subject.id === 'string' ? { subjectId: subject.id } : {}) };
}

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
  // As before: only an email address is compared as an email; other identities as given.
  const matches = subjectIdentities(subject).identities.some((identity) =>
    matchesIdentity({ ...identity, type: identity.type === 'email' ? 'email' : 'id' }, expected),
  );
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
