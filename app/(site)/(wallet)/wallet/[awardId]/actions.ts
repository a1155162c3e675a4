'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { formAction } from '@/lib/actions/form-action';
import { getCurrentUser } from '@/lib/auth/session';
import { decidePendingAward } from '@/lib/awards/claim';
import { refreshBadgePage } from '@/lib/badges/refresh';
import { kickWebhooks } from '@/lib/webhooks/worker';

const decisionSchema = z.object({
  awardId: z.uuid(),
  decision: z.enum(['accepted', 'declined']),
  visibility: z.enum(['public', 'private']).default('public'),
});

export const decideAwardAction = formAction(decisionSchema, async ({ awardId, decision, visibility }) => {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=/wallet/${awardId}`);
  await decidePendingAward(await getDb(), {
    awardId,
    userId: user.id,
    decision,
    isPublic: visibility === 'public',
  });
  revalidatePath('/wallet');
  refreshBadgePage(awardId);
  kickWebhooks();
  redirect(decision === 'accepted' ? `/wallet/${awardId}?accepted=1` : '/wallet?declined=1');
});
