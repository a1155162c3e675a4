'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { userAction } from '@/lib/actions/form-action';
import { success } from '@/lib/actions/form-state';
import { setAwardVisibility } from '@/lib/awards/visibility';
import { refreshBadgePage } from '@/lib/badges/refresh';

const visibilitySchema = z.object({ awardId: z.uuid(), isPublic: z.enum(['true', 'false']) });

/** The wallet's toggle (not a form) sends FormData too, so it takes the same checked path. */
export const setVisibilityAction = userAction(
  {
    schema: visibilitySchema,
    signedOutMessage: 'Your session has ended. Sign in again to change this badge.',
  },
  async ({ input, db, actor }) => {
    const isPublic = input.isPublic === 'true';
    const row = await setAwardVisibility(db, { userId: actor.id, awardId: input.awardId, isPublic });
    refreshBadgePage(row.id);
    revalidatePath(`/wallet/${row.id}`);
    return success(row.isPublic ? 'Public' : 'Private');
  },
);
