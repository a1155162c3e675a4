import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db/client';
import { users } from '@/db/schema';
import { nameSchema } from '@/lib/accounts/account-input';
import { CHECK_ANSWERS } from '@/lib/actions/form-state';
import { fieldErrorsOf } from '@/lib/awards/award-input';
import { isUniqueViolation } from '@/lib/db-errors';
import { AppError } from '@/lib/errors';
import { handleSchema } from './handle';
import { headlineSchema } from './profile-input';

const settingsColumns = {
  name: users.name,
  handle: users.handle,
  headline: users.headline,
  photoImageId: users.photoImageId,
  isProfilePublic: users.isProfilePublic,
  optedOutAt: users.optedOutAt,
};

export type Settings = Awaited<ReturnType<typeof getSettings>>;

function noAccount(): AppError {
  return new AppError('not_found', 'Your account was not found. Sign in again.');
}

/** What the settings page shows: the acting user's own profile and privacy choices. */
export async function getSettings(db: Executor, userId: string) {
  const [row] = await db.select(settingsColumns).from(users).where(eq(users.id, userId));
  if (!row) throw noAccount();
  return row;
}

const profileSchema = z.object({
  name: nameSchema,
  handle: handleSchema.nullable(),
  headline: headlineSchema,
});

export type ProfileUpdate = {
  userId: string;
  name: string;
  handle: string | null;
  headline: string;
  isProfilePublic: boolean;
};

/**
 * Saves the acting user's profile. Input is validated again here, whoever calls: handles are
 * stored lower-cased, and a public profile needs a handle to be reached at.
 */
export async function updateProfile(db: Executor, input: ProfileUpdate) {
  const parsed = profileSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError('invalid', CHECK_ANSWERS, {
      fieldErrors: fieldErrorsOf(parsed.error),
    });
  }
  const { name, handle, headline } = parsed.data;
  if (input.isProfilePublic && !handle) {
    throw new AppError('invalid', 'A public profile needs a handle.', {
      fieldErrors: { handle: ['Choose a handle: it is the address of your public profile.'] },
    });
  }
  try {
    const [row] = await db
      .update(users)
      .set({ name, handle, headline, isProfilePublic: input.isProfilePublic })
      .where(eq(users.id, input.userId))
      .returning(settingsColumns);
    if (!row) throw noAccount();
    return row;
  } catch (error) {
    if (isUniqueViolation(error, 'users_handle_key')) {
      throw new AppError('conflict', 'That handle is taken. Please choose another.', {
        fieldErrors: { handle: ['That handle is taken'] },
      });
    }
    throw error;
  }
}

/**
 * "I do not want to participate in achievements." Opting out keeps the first opt-out time;
 * opting back in clears it, and awards from then on work normally.
 */
export async function setAchievementsOptOut(db: Executor, input: { userId: string; optedOut: boolean }) {
  const [row] = await db
    .update(users)
    .set({ optedOutAt: input.optedOut ? sql`coalesce(${users.optedOutAt}, now())` : null })
    .where(eq(users.id, input.userId))
    .returning({ optedOutAt: users.optedOutAt });
  if (!row) throw noAccount();
  return row;
}
