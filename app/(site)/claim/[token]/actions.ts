'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { formAction } from '@/lib/actions/form-action';
import { getCurrentUser } from '@/lib/auth/session';
import { acceptWithToken, declineWithToken } from '@/lib/awards/claim';
import { refreshBadgePage } from '@/lib/badges/refresh';
import { kickWebhooks } from '@/lib/webhooks/worker';

const claimSchema = z.object({ token: z.string().min(1).max(100) });
const acceptSchema = claimSchema.extend({ visibility: z.enum(['public', 'private']).default('public') });

export const acceptClaimAction = formAction(acceptSchema, async ({ token, visibility }) => {
  const user = await getCurrentUser();
  if (!user) return { status: 'error', message: 'Sign in or create an account to accept this badge.' };
  const award = await acceptWithToken(await getDb(), {
    token,
    userId: user.id,
    isPublic: visibility === 'public',
  });
  refreshBadgePage(award.id);
  kickWebhooks();
  redirect(`/wallet/${award.id}?accepted=1`);
});

export const declineClaimAction = formAction(claimSchema, async ({ token }) => {
  const user = await getCurrentUser();
  await declineWithToken(await getDb(), { token, userId: user?.id ?? null });
  if (user) redirect('/wallet?declined=1');
  return { status: 'success', message: 'You declined this badge. It will not be added to any wallet.' };
});
