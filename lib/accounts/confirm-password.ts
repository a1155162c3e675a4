import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { verifyPassword } from '@/lib/auth/password';
import { AppError } from '@/lib/errors';
import { primaryEmail } from './credentials';
import { clearSignInFailures, recordSignInFailure, signInWaitSeconds } from './rate-limit';

const wait = (seconds: number) => {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Too many wrong passwords. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
};

/**
 * Checks a signed-in user's password before something serious (changing it, deleting the
 * account). Wrong guesses count against the same limit as signing in (this client, this account),
 * since both guess the same secret. A wrong password is an `invalid` AppError saying `refused`,
 * with `wrong` under the form's `field`.
 */
export async function confirmPassword(
  db: Db,
  input: { userId: string; password: string; client: string; field: string; refused: string; wrong: string },
): Promise<{ name: string; email: string }> {
  const email = await primaryEmail(db, input.userId);
  const keys = { email, client: input.client };
  const waitSeconds = await signInWaitSeconds(db, keys);
  if (waitSeconds > 0) {
    throw new AppError('rate_limited', wait(waitSeconds), { retryAfterSeconds: waitSeconds });
  }
  const [user] = await db
    .select({ name: users.name, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, input.userId));
  if (!user) throw new AppError('not_found', 'Your account was not found. Sign in again.');
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordSignInFailure(db, keys);
    throw new AppError('invalid', input.refused, {
      fieldErrors: { [input.field]: [input.wrong] },
    });
  }
  await clearSignInFailures(db, keys);
  return { name: user.name, email };
}
