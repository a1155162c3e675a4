import { revalidatePath } from 'next/cache';

/** Drops the cached public page of an award after anything shown on it changed. */
export function refreshBadgePage(awardId: string) {
  revalidatePath(`/badges/${awardId}`);
}
