import { z } from 'zod';
import { getDb } from '@/db/client';
import { findPublicAward } from '@/lib/badges/public-award';
import { getConfig } from '@/lib/config';
import { assertionDocument, revokedAssertionDocument } from '@/lib/openbadges/ob2/documents';
import { ob2NotFound, ob2Response } from '@/lib/openbadges/ob2/respond';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = z.uuid().safeParse((await params).id);
  const found = id.success ? await findPublicAward(await getDb(), id.data) : null;
  if (!found) return ob2NotFound();
  const { appUrl } = getConfig();
  // Revoked hosted assertions answer 410 Gone, with the reason (Open Badges 2.0, "Revoking Hosted Assertions").
  if (found.award.revokedAt) return ob2Response(request, revokedAssertionDocument(found.award, appUrl), 410);
  return ob2Response(request, assertionDocument(found.award, appUrl));
}
