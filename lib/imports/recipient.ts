import { and, eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { userEmails } from '@/db/schema';
import { matchesIdentity, type RecipientIdentity } from '@/lib/openbadges/ob2/identity';
import type { Check } from '@/lib/openbadges/verify/types';
import type { FoundBadge } from '@/lib/openbadges/verify/verify';

export type RecipientOutcome =
  | { kind: 'matched'; check: Check }
  /** No email address in the badge (a DID, a web address): kept, labelled "recipient not checked". */
  | { kind: 'unchecked'; check: Check }
  /** Sent to an address that is not a verified one of this account; `address` when it is not hashed. */
  | { kind: 'other-address'; address?: string };

const isEmailIdentity = (type: string | undefined) => (type ?? 'email') === 'email';

export async function verifiedAddresses(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .select({ email: userEmails.email })
    .from(userEmails)
    .where(and(eq(userEmails.userId, userId), isNotNull(userEmails.verifiedAt)));
  return rows.map((row) => row.email);
}

/** What kind of identifier a badge was awarded to, never the identifier itself (the page is public). */
function kindOfIdentifier(found: FoundBadge): string | undefined {
  const [first] = found.identities;
  if (first) {
    if (first.hashed) return 'an identifier kept private as a hash';
    if (first.type === 'telephone') return 'a phone number';
    if (first.type === 'url') return 'a web address';
    if (first.type === 'did') return 'a decentralized identifier (DID)';
    return 'an identifier';
  }
  const id = found.subjectId?.trim().toLowerCase();
  if (!id) return undefined;
  if (id.startsWith('did:')) return 'a decentralized identifier (DID)';
  if (/^https?:/.test(id)) return 'a web address';
  return 'an identifier';
}

/** The email identities the badge names: OB 2.0 / 3.0 email identities, or a `mailto:` subject id. */
function emailIdentities(found: FoundBadge): RecipientIdentity[] {
  const emails = found.identities.filter((identity) => isEmailIdentity(identity.type));
  const mailto = found.subjectId?.trim().match(/^mailto:([^?]+)/i)?.[1];
  if (emails.length > 0 || !mailto) return emails;
  let identity = mailto;
  try {
    identity = decodeURIComponent(mailto);
  } catch {
    // A malformed escape: compared as written.
  }
  return [{ type: 'email', hashed: false, identity }];
}

/**
 * Whether the badge was awarded to this account: an email identity (plain or salted hash, OB 2.0
 * recipient or OB 3.0 IdentityObject, or a `mailto:` subject) must match one of its verified
 * addresses. The check line replaces the verifier's "not compared" and never names the address
 * or any other identifier: it may be shown publicly.
 */
export function checkImportRecipient(found: FoundBadge, addresses: string[]): RecipientOutcome {
  const emails = emailIdentities(found);
  if (emails.length === 0) {
    const kind = kindOfIdentifier(found);
    return {
      kind: 'unchecked',
      check: {
        id: 'recipient',
        label: 'Recipient not checked',
        status: 'skip',
        detail: kind
          ? `It was awarded to ${kind}, not to an email address, so Laurel cannot tell whose it is.`
          : 'It names no email address, so Laurel cannot tell whose it is.',
      },
    };
  }
  const matched = emails.some((identity) =>
    addresses.some((address) => matchesIdentity({ ...identity, type: 'email' }, address)),
  );
  if (matched) {
    return {
      kind: 'matched',
      check: {
        id: 'recipient',
        label: "Awarded to the wallet's owner",
        status: 'pass',
        detail: 'It was awarded to an email address its owner has verified with Laurel.',
      },
    };
  }
  const plain = emails.find((identity) => !identity.hashed);
  return { kind: 'other-address', ...(plain ? { address: plain.identity.trim() } : {}) };
}
