'use server';

import { revalidatePath } from 'next/cache';
import { userAction } from '@/lib/actions/form-action';
import { success } from '@/lib/actions/form-state';
import { refreshBadgePagesOf } from '@/lib/badges/refresh';
import { AppError } from '@/lib/errors';
import { removeProfilePhoto, setProfilePhoto } from '@/lib/profile/photo';
import { optOutFormSchema, photoFormSchema, profileFormSchema } from '@/lib/profile/profile-input';
import { setAchievementsOptOut, updateProfile } from '@/lib/profile/settings';

// Every action acts for the signed-in user only; no user id is ever read from the form.

export const updateProfileAction = userAction({ schema: profileFormSchema }, async ({ input, db, actor }) => {
  await updateProfile(db, { userId: actor.id, ...input });
  // Public badge pages show the earner's name.
  await refreshBadgePagesOf(db, actor.id);
  revalidatePath('/settings');
  return success('Your profile is saved.');
});

export const photoAction = userAction({ schema: photoFormSchema }, async ({ input, db, actor }) => {
  const { intent, photo } = input;
  if (intent === 'remove') {
    await removeProfilePhoto(db, { userId: actor.id });
  } else {
    if (!(photo instanceof File) || photo.size === 0)
      throw new AppError('invalid', 'Choose a photo to upload.', { field: 'photo' });
    await setProfilePhoto(db, {
      userId: actor.id,
      bytes: new Uint8Array(await photo.arrayBuffer()),
      contentType: photo.type,
    });
  }
  revalidatePath('/settings');
  return success(intent === 'remove' ? 'Your photo is removed.' : 'Your photo is updated.');
});

export const optOutAction = userAction(
  { schema: optOutFormSchema },
  async ({ input: { optedOut }, db, actor }) => {
    await setAchievementsOptOut(db, { userId: actor.id, optedOut });
    revalidatePath('/settings');
    return success(
      optedOut
        ? 'You have opted out of achievements.'
        : 'You have opted back in. Future awards work normally again.',
    );
  },
);
