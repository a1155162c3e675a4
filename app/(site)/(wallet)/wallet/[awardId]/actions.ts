'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { userAction } from '@/lib/actions/form-action';
import { decidePendingAward } from '@/lib/awards/claim';
import { refreshBadgePage } from '@/lib/badges/refresh';

const decisionSchema = z.object({
  awardId: z.uuid(),
  decision: z.enum(['accepted', 'declined']),
  visibility: z.enum(['public', 'private']).default('public'),
});

export const decideAwardAction = userAction({ schema: decisionSchema }, async ({ input, db, actor }) => {
  const { awardId, decision, visibility } = input;
  await decidePendingAward(db, { awardId, userId: actor.id, decision, isPublic: visibility === 'public' });
  revalidatePath('/wallet');
  refreshBadgePage(awardId);
  // The wallet names the declined badge; an accepted one opens with what to do next.
  redirect(decision === 'accepted' ? `/wallet/${awardId}?accepted=1` : `/wallet?declined=${awardId}`);
});
