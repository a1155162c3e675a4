'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { resendClaim } from '@/lib/awards/resend-claim';
import { revokeAward } from '@/lib/awards/revoke-award';
import { refreshBadgePage } from '@/lib/badges/refresh';
import { getConfig } from '@/lib/config';
import { kickOutbox } from '@/lib/email/worker';
import { kickWebhooks } from '@/lib/webhooks/worker';
import { issuerActionContext } from '../../console';

const memberOf = (slug: string) => issuerActionContext(slug);

const revokeSchema = z.object({
  slug: z.string(),
  awardId: z.uuid(),
  reason: z
    .string()
    .trim()
    .min(1, 'Give a reason; the learner and anyone verifying the badge will see it.')
    .max(500),
});

export const revokeFromConsoleAction = formAction(revokeSchema, async ({ slug, awardId, reason }) => {
  const { db, issuer } = await memberOf(slug);
  await revokeAward(db, { issuerId: issuer.id, awardId, reason });
  refreshBadgePage(awardId);
  kickWebhooks();
  revalidatePath(`/issuer/${issuer.slug}/awards`);
  return {
    status: 'success',
    message: 'Revoked. Its page, hosted record and every verification now say so.',
  };
});

export const resendFromConsoleAction = formAction(
  z.object({ slug: z.string(), awardId: z.uuid() }),
  async ({ slug, awardId }) => {
    const { db, issuer } = await memberOf(slug);
    const { award } = await resendClaim(db, { issuerId: issuer.id, awardId, config: getConfig() });
    kickOutbox();
    return {
      status: 'success',
      message: `A new claim email is on its way to ${award.recipientEmail}; the old link no longer works.`,
    };
  },
);
