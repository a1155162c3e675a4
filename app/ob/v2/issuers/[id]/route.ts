import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { issuers } from '@/db/schema';
import { getConfig } from '@/lib/config';
import { issuerDocument } from '@/lib/openbadges/ob2/documents';
import { ob2NotFound, ob2Response } from '@/lib/openbadges/ob2/respond';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) return ob2NotFound();
  const [issuer] = await (await getDb()).select().from(issuers).where(eq(issuers.id, id.data));
  if (!issuer) return ob2NotFound();
  return ob2Response(request, issuerDocument(issuer, getConfig().appUrl));
}
