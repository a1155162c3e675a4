import type { Db } from '@/db/client';
import { userEmails, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { lookupClaim } from '@/lib/awards/claim';
import type { Config } from '@/lib/config';
import { isUniqueViolation } from '@/lib/db-errors';
import { AppError } from '@/lib/errors';
import { sendVerificationEmail } from './user-tokens';

type SignUpOptions = {
  db: Db;
  config: Pick<Config, 'appUrl' | 'isDemoMode'>;
  name: string;
  email: string;
  password: string;
  /** A live claim token for an award sent to `email`: it proves the address, so no verification email. */
  claimToken?: string;
};

const TAKEN = 'An account with this email already exists. Sign in instead.';

export async function signUp(opts: SignUpOptions) {
  const { db } = opts;
  const email = opts.email.trim().toLowerCase();
  let isVerifiedByClaim = false;
  if (opts.claimToken) {
    const claim = await lookupClaim(db, opts.claimToken);
    if (claim.status !== 'open') throw new AppError('invalid', 'This claim link no longer works.');
    isVerifiedByClaim = claim.offer.recipientEmail === email;
  }
  const passwordHash = await hashPassword(opts.password);
  try {
    const user = await db.transaction(async (tx) => {
      const [user] = await tx.insert(users).values({ name: opts.name.trim(), passwordHash }).returning();
      if (!user) throw new Error('user insert returned nothing');
      await tx.insert(userEmails).values({
        userId: user.id,
        email,
        isPrimary: true,
        verifiedAt: isVerifiedByClaim ? new Date() : null,
      });
      if (!isVerifiedByClaim) {
        await sendVerificationEmail(tx, { config: opts.config, userId: user.id, name: user.name, email });
      }
      return user;
    });
    return { user, email, isVerified: isVerifiedByClaim };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', TAKEN, { fieldErrors: { email: [TAKEN] } });
    throw error;
  }
}
