import { getDb } from '@/db/client';
import { issuerRoute, readJson } from '@/lib/api/handler';
import { awardInputSchema, fieldErrorsOf } from '@/lib/awards/award-input';
import { createAward } from '@/lib/awards/create-award';
import { presentAward } from '@/lib/awards/present';
import { getConfig } from '@/lib/config';
import { kickOutbox } from '@/lib/email/worker';
import { kickWebhooks } from '@/lib/webhooks/worker';
import { AppError } from '@/lib/errors';

export const POST = issuerRoute(async ({ request, issuer }) => {
  const idempotencyKey = request.headers.get('idempotency-key')?.trim() || null;
  if (idempotencyKey && idempotencyKey.length > 200) {
    throw new AppError('invalid', 'Idempotency-Key is too long.', {
      fieldErrors: { 'Idempotency-Key': ['must be at most 200 characters'] },
    });
  }
  const parsed = awardInputSchema.safeParse(await readJson(request));
  if (!parsed.success) {
    throw new AppError('invalid', 'Some fields are missing or invalid.', {
      fieldErrors: fieldErrorsOf(parsed.error),
    });
  }
  const config = getConfig();
  const { award, isReplay } = await createAward({
    db: await getDb(),
    config,
    issuer,
    input: parsed.data,
    idempotencyKey,
  });
  if (!isReplay) {
    kickOutbox();
    kickWebhooks();
  }
  return Response.json(presentAward(award, config.appUrl), {
    status: 201,
    headers: {
      Location: `/api/v1/awards/${award.id}`,
      ...(isReplay ? { 'Idempotent-Replayed': 'true' } : {}),
    },
  });
});
