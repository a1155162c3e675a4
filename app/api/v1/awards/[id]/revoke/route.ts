import { z } from 'zod';
import { getDb } from '@/db/client';
import { issuerRoute, readJson } from '@/lib/api/handler';
import { fieldErrorsOf } from '@/lib/awards/award-input';
import { presentAward } from '@/lib/awards/present';
import { revokeAward, revokeInputSchema } from '@/lib/awards/revoke-award';
import { refreshBadgePage } from '@/lib/badges/refresh';
import { kickWebhooks } from '@/lib/webhooks/worker';
import { getConfig } from '@/lib/config';
import { AppError } from '@/lib/errors';

export const POST = issuerRoute<{ id: string }>(async ({ request, issuer, params }) => {
  const id = z.uuid().safeParse(params.id);
  if (!id.success) throw new AppError('not_found', 'No award with this id belongs to your issuer.');
  const parsed = revokeInputSchema.safeParse(await readJson(request));
  if (!parsed.success) {
    throw new AppError('invalid', 'Give a reason for the revocation.', {
      fieldErrors: fieldErrorsOf(parsed.error),
    });
  }
  const award = await revokeAward(await getDb(), {
    issuerId: issuer.id,
    awardId: id.data,
    reason: parsed.data.reason,
  });
  refreshBadgePage(award.id);
  kickWebhooks();
  return Response.json(presentAward(award, getConfig().appUrl));
});
