'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { userAction } from '@/lib/actions/form-action';
import { success } from '@/lib/actions/form-state';
import { removeImportedBadge, setImportedBadgeVisibility } from '@/lib/imports/wallet';

const visibilitySchema = z.object({ id: z.uuid(), isPublic: z.enum(['true', 'false']) });

/**
 * Public or private. The public page, profile and downloads are rendered per request from the
 * database, so the change shows everywhere at once (no cached copy to refresh).
 */
export const setImportedVisibilityAction = userAction(
  {
    schema: visibilitySchema,
    signedOutMessage: 'Your session has ended. Sign in again to change this badge.',
  },
  async ({ input, db, actor }) => {
    const isPublic = input.isPublic === 'true';
    await setImportedBadgeVisibility(db, { userId: actor.id, id: input.id, isPublic });
    revalidatePath(`/wallet/imported/${input.id}`);
    return success(isPublic ? 'Public' : 'Private');
  },
);

export const removeImportedBadgeAction = userAction(
  { schema: z.object({ id: z.uuid() }) },
  async ({ input, db, actor }) => {
    await removeImportedBadge(db, { userId: actor.id, id: input.id });
    revalidatePath('/wallet');
    redirect('/wallet?removed=1');
  },
);
