import { getDb } from '@/db/client';
import { idParam, issuerRoute, parseBody } from '@/lib/api/handler';
import { operations } from '@/lib/api/operations';
import { presentAward } from '@/lib/awards/present';
import { revokeAward } from '@/lib/awards/revoke-award';
import { refreshBadgePage } from '@/lib/badges/refresh';
import { getConfig } from '@/lib/config';

// Revoking is idempotent by itself; issuerRoute handles the Idempotency-Key as on every POST.
export const POST = issuerRoute<{ id: string }>(async ({ request, issuer, params }) => {
  const awardId = idParam(params.id, 'No award with this id belongs to your issuer.');
  const { reason, notifyRecipient } = await parseBody(
    request,
    operations.revokeAward.body,
    'Give a reason for the revocation.',
  );
  const { award } = await revokeAward(await getDb(), {
    issuerId: issuer.id,
    awardId,
    reason,
    notifyRecipient,
    config: getConfig(),
  });
  refreshBadgePage(award.id);
  return Response.json(presentAward(award, getConfig().appUrl));
});
