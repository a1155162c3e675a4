'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { getCurrentUser } from '@/lib/auth/session';
import { countBadgeEvent, setAwardVisibility } from '@/lib/awards/visibility';
import { refreshBadgePage } from '@/lib/badges/refresh';
import { isAppError } from '@/lib/errors';

export type VisibilityResult = { ok: true; isPublic: boolean } | { ok: false; message: string };

const visibilitySchema = z.object({ awardId: z.uuid(), isPublic: z.boolean() });

/** Called from the wallet's toggle (not a form): returns a result the optimistic UI can roll back on. */
export async function setVisibilityAction(input: {
  awardId: string;
  isPublic: boolean;
}): Promise<VisibilityResult> {
  const parsed = visibilitySchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'That change could not be saved.' };
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: 'Your session has ended. Sign in again to change this badge.' };
  try {
    const row = await setAwardVisibility(await getDb(), { userId: user.id, ...parsed.data });
    refreshBadgePage(row.id);
    revalidatePath(`/wallet/${row.id}`);
    return { ok: true, isPublic: row.isPublic };
  } catch (error) {
    if (isAppError(error)) return { ok: false, message: error.message };
    throw error;
  }
}

/** Counts one share of the owner's public badge. */
export async function countShareAction(awardId: string): Promise<void> {
  if (!z.uuid().safeParse(awardId).success) return;
  await countBadgeEvent(await getDb(), { awardId, event: 'share' });
}
