'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { userAction } from '@/lib/actions/form-action';
import { success } from '@/lib/actions/form-state';
import { countBadgeEvent, setAwardVisibility } from '@/lib/awards/visibility';
import { refreshBadgePage } from '@/lib/badges/refresh';
import { AppError } from '@/lib/errors';

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

/** Counts one share of the owner's public badge; anyone else's is "not found". */
export const countShareAction = userAction(
  { schema: z.object({ awardId: z.uuid() }) },
  async ({ input, db, actor }) => {
    const isCounted = await countBadgeEvent(db, {
      awardId: input.awardId,
      event: 'share',
      ownerId: actor.id,
    });
    if (!isCounted) throw new AppError('not_found', 'Badge not found.');
    return undefined;
  },
);
