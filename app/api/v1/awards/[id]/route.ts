import { getDb } from '@/db/client';
import { idParam, issuerRoute } from '@/lib/api/handler';
import { findIssuerAward } from '@/lib/awards/create-award';
import { presentAward } from '@/lib/awards/present';
import { getConfig } from '@/lib/config';
import { AppError } from '@/lib/errors';

const NOT_FOUND = 'No award with this id belongs to your issuer.';

export const GET = issuerRoute<{ id: string }>(async ({ issuer, params }) => {
  const awardId = idParam(params.id, NOT_FOUND);
  const award = await findIssuerAward(await getDb(), { issuerId: issuer.id, awardId });
  if (!award) throw new AppError('not_found', NOT_FOUND);
  return Response.json(presentAward(award, getConfig().appUrl));
});
