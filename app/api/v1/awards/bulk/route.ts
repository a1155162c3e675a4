import { getDb } from '@/db/client';
import { issuerRoute, parseBody } from '@/lib/api/handler';
import { operations } from '@/lib/api/operations';
import { fieldErrorList } from '@/lib/api/schemas';
import { type BulkItemResult, bulkCreateAwards } from '@/lib/awards/bulk-create';
import { presentAward } from '@/lib/awards/present';
import { getConfig } from '@/lib/config';
import { BODY_LIMITS } from '@/lib/http/read-limited';

function present(result: BulkItemResult, appUrl: string) {
  if (result.status === 201)
    return { index: result.index, status: 201, award: presentAward(result.award, appUrl) };
  return {
    index: result.index,
    status: result.status,
    detail: result.detail,
    ...(result.errors ? { errors: fieldErrorList(result.errors) } : {}),
  };
}

export const POST = issuerRoute(
  async ({ request, issuer, idempotencyKey }) => {
    const { awards } = await parseBody(request, operations.bulkCreateAwards.body);
    const config = getConfig();
    const results = await bulkCreateAwards({
      db: await getDb(),
      config,
      issuer,
      items: awards,
      idempotencyKey,
    });
    const created = results.filter((r) => r.status === 201).length;
    return Response.json({
      results: results.map((r) => present(r, config.appUrl)),
      summary: { total: results.length, created, failed: results.length - created },
    });
  },
  { maxBodyBytes: BODY_LIMITS.bulk },
);
