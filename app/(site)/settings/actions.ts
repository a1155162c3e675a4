'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { formAction } from '@/lib/actions/form-action';
import { requireUser } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { removeProfilePhoto, setProfilePhoto } from '@/lib/profile/photo';
import { optOutFormSchema, photoFormSchema, profileFormSchema } from '@/lib/profile/profile-input';
import { setAchievementsOptOut, updateProfile } from '@/lib/profile/settings';

// Every action acts for the signed-in user only; no user id is ever read from the form.

export const updateProfileAction = formAction(profileFormSchema, async (input) => {
  const user = await requireUser('/settings');
  await updateProfile(await getDb(), { userId: user.id, ...input });
  revalidatePath('/settings');
  return { status: 'success', message: 'Your profile is saved.' };
});

export const photoAction = formAction(photoFormSchema, async ({ intent, photo }) => {
  const user = await requireUser('/settings');
  const db = await getDb();
  if (intent === 'remove') {
    await removeProfilePhoto(db, { userId: user.id });
  } else {
    if (!(photo instanceof File) || photo.size === 0)
      throw new AppError('invalid', 'Choose a photo to upload.');
    await setProfilePhoto(db, {
      userId: user.id,
      bytes: new Uint8Array(await photo.arrayBuffer()),
      contentType: photo.type,
    });
  }
  revalidatePath('/settings');
  return {
    status: 'success',
    message: intent === 'remove' ? 'Your photo is removed.' : 'Your photo is updated.',
  };
});

export const optOutAction = formAction(optOutFormSchema, async ({ optedOut }) => {
  const user = await requireUser('/settings');
  await setAchievementsOptOut(await getDb(), { userId: user.id, optedOut });
  revalidatePath('/settings');
  return {
    status: 'success',
    message: optedOut
      ? 'You have opted out of achievements.'
      : 'You have opted back in. Future awards work normally again.',
  };
});
