import type { Db } from '@/db/client';
import { userEmails, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { lookupClaim } from '@/lib/awards/claim';
import type { Config } from '@/lib/config';
import { isUniqueViolation } from '@/lib/db-errors';
import { enqueueEmail } from '@/lib/email/outbox';
import { AppError } from '@/lib/errors';
import { accountExistsMessage } from './account-exists-email';
import { releaseUnconfirmedAddress } from './address-owner';
import { checkRequestLimit, TOO_MANY_REQUESTS } from './request-limits';
import { sendVerificationEmail } from './user-tokens';

type SignUpOptions = {
  db: Db;
  config: Pick<Config, 'appUrl' | 'isDemoMode'>;
  name: string;
  email: string;
  password: string;
  /** Who is asking (clientKeyFrom), for the rate limit. */
  client: string;
  /** A live claim token for an award sent to `email`: it proves the address, so no verification email. */
  claimToken?: string;
};

/**
 * `check_email` is the one answer for every address not proven by a claim link — new, already
 * registered (that owner gets a "you already have an account" email instead) or rate limited —
 * so the page reveals nothing. `created` is a new account proven by its claim link.
 */
export type SignUpResult = { status: 'check_email'; email: string } | { status: 'created'; email: string };

const TAKEN = 'An account with this email already exists. Sign in instead.';

export async function signUp(opts: SignUpOptions): Promise<SignUpResult> {
  const { db, config } = opts;
  const email = opts.email.trim().toLowerCase();
  let isVerifiedByClaim = false;
  if (opts.claimToken) {
    const claim = await lookupClaim(db, opts.claimToken);
    if (claim.status !== 'open') throw new AppError('invalid', 'This claim link no longer works.');
    isVerifiedByClaim = claim.offer.recipientEmail === email;
  }
  const neutral = { status: 'check_email', email } as const;
  // A claim link is its own proof and sends no mail; only the open sign-up is counted.
  if (!isVerifiedByClaim) {
    const limit = await checkRequestLimit(db, { action: 'signUp', client: opts.client, target: email });
    if (limit === 'client') throw new AppError('rate_limited', TOO_MANY_REQUESTS);
    if (limit === 'target') return neutral;
  }
  const passwordHash = await hashPassword(opts.password);
  try {
    return await db.transaction(async (tx): Promise<SignUpResult> => {
      // An unconfirmed holder (perhaps a squatter) loses the address to this sign-up.
      const holder = await releaseUnconfirmedAddress(tx, { email });
      if (holder === 'taken') {
        if (isVerifiedByClaim) throw new AppError('conflict', TAKEN, { fieldErrors: { email: [TAKEN] } });
        const message = await accountExistsMessage(config.appUrl);
        await enqueueEmail(tx, { message: { to: email, ...message }, isDemoMode: config.isDemoMode });
        return neutral;
      }
      const [user] = await tx.insert(users).values({ name: opts.name.trim(), passwordHash }).returning();
      if (!user) throw new Error('user insert returned nothing');
      await tx.insert(userEmails).values({
        userId: user.id,
        email,
        isPrimary: true,
        verifiedAt: isVerifiedByClaim ? new Date() : null,
      });
      if (isVerifiedByClaim) return { status: 'created', email };
      await sendVerificationEmail(tx, { config, userId: user.id, name: user.name, email });
      return neutral;
    });
  } catch (error) {
    // Two sign-ups for one address at once: the other one won.
    if (!isUniqueViolation(error)) throw error;
    if (isVerifiedByClaim) throw new AppError('conflict', TAKEN, { fieldErrors: { email: [TAKEN] } });
    return neutral;
  }
}
