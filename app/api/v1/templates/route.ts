import { getDb } from '@/db/client';
import { issuerRoute } from '@/lib/api/handler';
import { getConfig } from '@/lib/config';
import { imageUrl } from '@/lib/images/store';
import { listTemplates } from '@/lib/issuers/issuers';

export const GET = issuerRoute(async ({ issuer }) => {
  const { appUrl } = getConfig();
  const templates = await listTemplates(await getDb(), issuer.id);
  return Response.json({
    data: templates.map((t) => ({
      id: t.id,
      name: t.name,
      description: t.description,
      imageUrl: imageUrl(appUrl, t.imageId),
      criteria: { narrative: t.criteriaNarrative, url: t.criteriaUrl },
      skills: t.skills,
      validityDays: t.validityDays,
      createdAt: t.createdAt.toISOString(),
    })),
  });
});
