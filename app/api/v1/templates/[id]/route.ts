import { getDb } from '@/db/client';
import { idParam, issuerRoute, parseBody } from '@/lib/api/handler';
import { operations } from '@/lib/api/operations';
import { getConfig } from '@/lib/config';
import { BODY_LIMITS } from '@/lib/http/read-limited';
import { getTemplate, presentTemplate, TEMPLATE_NOT_FOUND, updateTemplate } from '@/lib/issuers/templates';

export const GET = issuerRoute<{ id: string }>(async ({ issuer, params }) => {
  const templateId = idParam(params.id, TEMPLATE_NOT_FOUND);
  const template = await getTemplate(await getDb(), { issuerId: issuer.id, templateId });
  return Response.json(presentTemplate(template, getConfig().appUrl));
});

export const PATCH = issuerRoute<{ id: string }>(
  async ({ request, issuer, params }) => {
    const templateId = idParam(params.id, TEMPLATE_NOT_FOUND);
    const input = await parseBody(request, operations.updateTemplate.body);
    const template = await updateTemplate(await getDb(), { issuerId: issuer.id, templateId, input });
    return Response.json(presentTemplate(template, getConfig().appUrl));
  },
  { maxBodyBytes: BODY_LIMITS.template },
);
