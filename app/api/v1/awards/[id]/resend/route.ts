import { getDb } from '@/db/client';
import { idParam, issuerRoute, replayHeaders } from '@/lib/api/handler';
import { presentAward } from '@/lib/awards/present';
import { resendClaim } from '@/lib/awards/resend-claim';
import { getConfig } from '@/lib/config';

export const POST = issuerRoute<{ id: string }>(async ({ issuer, params, idempotencyKey }) => {
  const awardId = idParam(params.id, 'No award with this id belongs to your issuer.');
  const config = getConfig();
  const { award, isReplay } = await resendClaim(await getDb(), {
    issuerId: issuer.id,
    awardId,
    config,
    idempotencyKey,
  });
  return Response.json(presentAward(award, config.appUrl), { headers: replayHeaders(isReplay) });
});
