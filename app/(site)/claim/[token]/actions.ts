'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { publicAction, userAction } from '@/lib/actions/form-action';
import { acceptWithToken, declineWithToken } from '@/lib/awards/claim';
import { refreshBadgePage } from '@/lib/badges/refresh';

// The claim token from the email is what authorizes these; a session only says whose wallet.
const claimSchema = z.object({ token: z.string().min(1).max(100) });
const acceptSchema = claimSchema.extend({ visibility: z.enum(['public', 'private']).default('public') });

export const acceptClaimAction = userAction(
  { schema: acceptSchema, signedOutMessage: 'Sign in or create an account to accept this badge.' },
  async ({ input, db, actor }) => {
    const award = await acceptWithToken(db, {
      token: input.token,
      userId: actor.id,
      isPublic: input.visibility === 'public',
    });
    refreshBadgePage(award.id);
    redirect(`/wallet/${award.id}?accepted=1`);
  },
);

/**
 * Declining needs no account: the person the email reached may simply say no. The claim page then
 * shows the declined badge, signed in or not.
 */
export const declineClaimAction = publicAction({ schema: claimSchema }, async ({ input, db, actor }) => {
  await declineWithToken(db, { token: input.token, userId: actor?.id ?? null });
  redirect(`/claim/${encodeURIComponent(input.token)}`);
});
