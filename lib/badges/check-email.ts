import type { Executor } from '@/db/client';
import { checkRequestLimit } from '@/lib/accounts/request-limits';
import { identityHash, matchesIdentity } from '@/lib/openbadges/ob2/identity';
import { findPublicAward } from './public-award';

export type EmailCheck = 'match' | 'no_match' | 'rate_limited' | 'not_found';

/**
 * Whether a public badge was awarded to `email`, answered the way any verifier could: against
 * the salted hash in the hosted assertion, never by showing or comparing the stored address.
 */
export async function checkAwardEmail(
  db: Executor,
  input: { awardId: string; email: string; client: string },
): Promise<EmailCheck> {
  // Without a limit the yes/no answer would let anyone test address lists against a badge.
  const limit = await checkRequestLimit(db, {
    action: 'emailCheck',
    client: input.client,
    target: input.awardId,
  });
  if (limit !== 'ok') return 'rate_limited';
  const found = await findPublicAward(db, input.awardId);
  if (!found) return 'not_found';
  const { recipientEmail, recipientSalt } = found.award;
  const recipient = {
    identity: identityHash(recipientEmail, recipientSalt),
    hashed: true,
    salt: recipientSalt,
    type: 'email',
  };
  return matchesIdentity(recipient, input.email) ? 'match' : 'no_match';
}
