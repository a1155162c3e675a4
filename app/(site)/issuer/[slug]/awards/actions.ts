'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { issuerAction } from '@/lib/actions/form-action';
import { success } from '@/lib/actions/form-state';
import { resendClaim } from '@/lib/awards/resend-claim';
import { type RevokeResult, revokeAward } from '@/lib/awards/revoke-award';
import { refreshBadgePage } from '@/lib/badges/refresh';
import { getConfig } from '@/lib/config';

const awardId = z.uuid({ message: 'That award does not exist.' });

const revokeSchema = z.object({
  awardId,
  reason: z
    .string()
    .trim()
    .min(1, 'Give a reason for revoking the badge.')
    .max(500, 'Keep the reason to 500 characters or fewer.'),
  // A checkbox: present ('on') when ticked, absent otherwise.
  notifyRecipient: z
    .string()
    .optional()
    .transform((value) => value === 'on'),
});

/** The list and the award's own page both show what an action changed. */
function revalidateAward(slug: string, awardId: string) {
  revalidatePath(`/issuer/${slug}/awards`);
  revalidatePath(`/issuer/${slug}/awards/${awardId}`);
}

function revokedMessage(result: RevokeResult, notifyRecipient: boolean) {
  if (!result.isRevokedNow) return 'This award was already revoked; nothing changed and no email was sent.';
  const revoked = 'Revoked. Its page, hosted record and every verification now say so.';
  if (result.isRecipientNotified) return `${revoked} ${result.award.recipientEmail} is being told by email.`;
  if (notifyRecipient) return `${revoked} The learner was not emailed: they opted out of achievements.`;
  return revoked;
}

export const revokeFromConsoleAction = issuerAction(
  { role: 'member', schema: revokeSchema },
  async ({ input: { awardId, reason, notifyRecipient }, db, issuer }) => {
    const result = await revokeAward(db, {
      issuerId: issuer.id,
      awardId,
      reason,
      notifyRecipient,
      config: getConfig(),
    });
    refreshBadgePage(awardId);
    revalidateAward(issuer.slug, awardId);
    return success(revokedMessage(result, notifyRecipient));
  },
);

export const resendFromConsoleAction = issuerAction(
  { role: 'member', schema: z.object({ awardId }) },
  async ({ input: { awardId }, db, issuer }) => {
    const { award } = await resendClaim(db, { issuerId: issuer.id, awardId, config: getConfig() });
    revalidateAward(issuer.slug, awardId);
    return success(
      `A new claim email is on its way to ${award.recipientEmail}; the old link no longer works.`,
    );
  },
);
