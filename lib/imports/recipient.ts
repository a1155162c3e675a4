import { and, eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { userEmails } from '@/db/schema';
import { matchesIdentity } from '@/lib/openbadges/ob2/identity';
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

/**
 * Whether the badge was awarded to this account: an email identity (plain or salted hash, OB 2.0
 * recipient or OB 3.0 IdentityObject) must match one of its verified addresses. The check line
 * replaces the verifier's "not compared" and never names the address: it may be shown publicly.
 */
export function checkImportRecipient(found: FoundBadge, addresses: string[]): RecipientOutcome {
  const emails = found.identities.filter((identity) => isEmailIdentity(identity.type));
  if (emails.length === 0) {
    const named = found.subjectId ?? found.identities[0]?.identity;
    return {
      kind: 'unchecked',
      check: {
        id: 'recipient',
        label: 'Recipient not checked',
        status: 'skip',
        detail: named
          ? `It was awarded to ${found.identities[0]?.hashed ? 'an identifier kept private as a hash' : named}, not to an email address, so Laurel cannot tell whose it is.`
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
