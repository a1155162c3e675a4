import { getDb } from '@/db/client';
import { issuerRoute, parseBody, parseQuery, replayHeaders } from '@/lib/api/handler';
import { operations } from '@/lib/api/operations';
import { getConfig } from '@/lib/config';
import { BODY_LIMITS } from '@/lib/http/read-limited';
import { createTemplate, listIssuerTemplates, presentTemplate } from '@/lib/issuers/templates';

export const GET = issuerRoute(async ({ request, issuer }) => {
  const query = parseQuery(request, operations.listTemplates.query);
  const templates = await listIssuerTemplates(await getDb(), {
    issuerId: issuer.id,
    includeArchived: query.includeArchived === 'true',
  });
  const { appUrl } = getConfig();
  return Response.json({ data: templates.map((t) => presentTemplate(t, appUrl)) });
});

export const POST = issuerRoute(
  async ({ request, issuer, idempotencyKey }) => {
    const input = await parseBody(request, operations.createTemplate.body);
    const { template, isReplay } = await createTemplate(await getDb(), {
      issuerId: issuer.id,
      input,
      idempotencyKey,
    });
    return Response.json(presentTemplate(template, getConfig().appUrl), {
      status: 201,
      headers: { Location: `/api/v1/templates/${template.id}`, ...replayHeaders(isReplay) },
    });
  },
  { maxBodyBytes: BODY_LIMITS.template },
);
