import { lt, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { emailCheckCounts } from '@/db/schema';
import { identityHash, matchesIdentity } from '@/lib/openbadges/ob2/identity';
import { findPublicAward } from './public-award';
import { visitorHash } from './visitor-hash';

export const EMAIL_CHECK_LIMIT = 10;
export const EMAIL_CHECK_WINDOW_MINUTES = 15;

export type EmailCheck = 'match' | 'no_match' | 'rate_limited' | 'not_found';

/**
 * Takes one email check from this client's allowance, counted in the database so every process
 * agrees. Without a limit the yes/no answer would let anyone test address lists against a badge.
 */
async function takeCheck(db: Executor, input: { client: string; secret: string; now: Date }) {
  const windowMs = EMAIL_CHECK_WINDOW_MINUTES * 60_000;
  const windowStart = new Date(Math.floor(input.now.getTime() / windowMs) * windowMs);
  const clientHash = visitorHash({ secret: input.secret, purpose: 'email-check', parts: [input.client] });
  const [row] = await db
    .insert(emailCheckCounts)
    .values({ clientHash, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [emailCheckCounts.clientHash, emailCheckCounts.windowStart],
      set: { count: sql`${emailCheckCounts.count} + 1` },
    })
    .returning({ count: emailCheckCounts.count });
  await db.delete(emailCheckCounts).where(lt(emailCheckCounts.windowStart, windowStart));
  return (row?.count ?? 0) <= EMAIL_CHECK_LIMIT;
}

/**
 * Whether a public badge was awarded to `email`, answered the way any verifier could: against
 * the salted hash in the hosted assertion, never by showing or comparing the stored address.
 */
export async function checkAwardEmail(
  db: Executor,
  input: { awardId: string; email: string; client: string; secret: string; now?: Date },
): Promise<EmailCheck> {
  if (!(await takeCheck(db, { ...input, now: input.now ?? new Date() }))) return 'rate_limited';
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
