import { z } from 'zod';
import { getDb } from '@/db/client';
import { issuerRoute } from '@/lib/api/handler';
import { findIssuerAward } from '@/lib/awards/create-award';
import { presentAward } from '@/lib/awards/present';
import { getConfig } from '@/lib/config';
import { AppError } from '@/lib/errors';

export const GET = issuerRoute<{ id: string }>(async ({ issuer, params }) => {
  const id = z.uuid().safeParse(params.id);
  const award = id.success
    ? await findIssuerAward(await getDb(), { issuerId: issuer.id, awardId: id.data })
    : null;
  if (!award) throw new AppError('not_found', 'No award with this id belongs to your issuer.');
  return Response.json(presentAward(award, getConfig().appUrl));
});
