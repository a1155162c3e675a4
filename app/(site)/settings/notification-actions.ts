'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { userAction } from '@/lib/actions/form-action';
import { success } from '@/lib/actions/form-state';
import { setPreferences } from '@/lib/notifications/preferences';

// A ticked box is sent as "on"; an unticked one is not sent at all.
const box = z
  .literal('on')
  .optional()
  .transform((v) => v === 'on');

const notificationsSchema = z.object({ badge_awarded: box, badge_expiring: box, badge_revoked: box });

export const notificationsAction = userAction(
  { schema: notificationsSchema },
  async ({ input, db, actor }) => {
    await setPreferences(db, { userId: actor.id, preferences: input });
    revalidatePath('/settings');
    return success('Your notification settings are saved.');
  },
);
