import { getDb } from '@/db/client';
import { idParam, issuerRoute } from '@/lib/api/handler';
import { getConfig } from '@/lib/config';
import { archiveTemplate, presentTemplate, TEMPLATE_NOT_FOUND } from '@/lib/issuers/templates';

// Archiving is idempotent by itself; issuerRoute handles the Idempotency-Key like on every POST.
export const POST = issuerRoute<{ id: string }>(async ({ issuer, params }) => {
  const templateId = idParam(params.id, TEMPLATE_NOT_FOUND);
  const template = await archiveTemplate(await getDb(), { issuerId: issuer.id, templateId });
  return Response.json(presentTemplate(template, getConfig().appUrl));
});
