import { createHash } from 'node:crypto';

export type IdentityHashAlgorithm = 'sha256' | 'md5';

/** An OB 2.0 IdentityObject: who a badge was awarded to, possibly as a salted hash. */
export type RecipientIdentity = {
  identity: string;
  hashed: boolean;
  salt?: string;
  type?: string;
};

const HASH_PATTERN = /^(sha256|md5)\$([0-9a-f]+)$/i;

/**
 * The OB 2.0 IdentityHash of `identity`: `<alg>$` and the hex digest of the identity followed by
 * the salt (string concatenation, identity first), e.g. `sha256$7a1a…`.
 */
export function identityHash(identity: string, salt = '', alg: IdentityHashAlgorithm = 'sha256'): string {
  return `${alg}$${createHash(alg)
    .update(identity + salt, 'utf8')
    .digest('hex')}`;
}

/** True when `value` is a well-formed IdentityHash (`sha256$` + 64 hex or `md5$` + 32 hex, any case). */
export function isIdentityHash(value: string): boolean {
  const match = HASH_PATTERN.exec(value);
  if (!match) return false;
  const expectedLength = match[1]?.toLowerCase() === 'md5' ? 32 : 64;
  return match[2]?.length === expectedLength;
}

/**
 * Whether `candidate` (an email address, URL or phone number) is the recipient. The spec does not
 * normalise emails, so an address is tried as given and then lower-cased: people rarely remember
 * how they capitalised it when the badge was issued.
 */
export function matchesIdentity(recipient: RecipientIdentity, candidate: string): boolean {
  const given = candidate.trim();
  const isEmail = (recipient.type ?? 'email') === 'email' && given.includes('@');
  const candidates = isEmail && given.toLowerCase() !== given ? [given, given.toLowerCase()] : [given];
  if (!recipient.hashed) {
    const identity = recipient.identity.trim();
    return identity === given || (isEmail && identity.toLowerCase() === given.toLowerCase());
  }
  const expected = recipient.identity.trim().toLowerCase();
  const alg = HASH_PATTERN.exec(expected)?.[1];
  if (alg !== 'sha256' && alg !== 'md5') return false;
  return candidates.some((value) => identityHash(value, recipient.salt ?? '', alg) === expected);
}
