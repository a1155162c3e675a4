import { getDb } from '@/db/client';
import { issuerRoute, parseBody, parseQuery, replayHeaders } from '@/lib/api/handler';
import { operations } from '@/lib/api/operations';
import { createAward } from '@/lib/awards/create-award';
import { listAwards } from '@/lib/awards/list-awards';
import { presentAward } from '@/lib/awards/present';
import { getConfig } from '@/lib/config';

export const GET = issuerRoute(async ({ request, issuer }) => {
  const query = parseQuery(request, operations.listAwards.query);
  const page = await listAwards(await getDb(), { issuerId: issuer.id, query });
  const { appUrl } = getConfig();
  return Response.json({
    data: page.awards.map((a) => presentAward(a, appUrl)),
    nextCursor: page.nextCursor,
  });
});

export const POST = issuerRoute(async ({ request, issuer, idempotencyKey }) => {
  const input = await parseBody(request, operations.createAward.body);
  const config = getConfig();
  const { award, isReplay } = await createAward({
    db: await getDb(),
    config,
    issuer,
    input,
    idempotencyKey,
  });
  return Response.json(presentAward(award, config.appUrl), {
    status: 201,
    headers: { Location: `/api/v1/awards/${award.id}`, ...replayHeaders(isReplay) },
  });
});
