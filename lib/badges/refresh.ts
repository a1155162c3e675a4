import { revalidatePath } from 'next/cache';
import { badgeKey, forgetKnown } from '@/lib/cache-gate/known-memo';

/** Drops the cached public page and embed card of an award after anything shown on them changed. */
export function refreshBadgePage(awardId: string) {
  forgetKnown(badgeKey(awardId));
  revalidatePath(`/badges/${awardId}`);
  revalidatePath(`/badges/${awardId}/embed`);
}
