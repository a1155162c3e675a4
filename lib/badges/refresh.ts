import { revalidatePath } from 'next/cache';

/** Drops the cached public page and embed card of an award after anything shown on them changed. */
export function refreshBadgePage(awardId: string) {
  revalidatePath(`/badges/${awardId}`);
  revalidatePath(`/badges/${awardId}/embed`);
}
