import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { badgeTemplates, issuers } from '@/db/schema';
import { getConfig } from '@/lib/config';
import { badgeClassDocument } from '@/lib/openbadges/ob2/documents';
import { ob2NotFound, ob2Response } from '@/lib/openbadges/ob2/respond';

/** Badge classes are public: the issuer page lists them, and every assertion points to one. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) return ob2NotFound();
  const [row] = await (await getDb())
    .select({ template: badgeTemplates, issuer: issuers })
    .from(badgeTemplates)
    .innerJoin(issuers, eq(issuers.id, badgeTemplates.issuerId))
    .where(eq(badgeTemplates.id, id.data));
  if (!row) return ob2NotFound();
  return ob2Response(request, badgeClassDocument(row.template, row.issuer, getConfig().appUrl));
}
