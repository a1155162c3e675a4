import { z } from 'zod';
import { getDb } from '@/db/client';
import { problem } from '@/lib/api/problem';
import { countBadgeEvent } from '@/lib/awards/visibility';
import { findPublicAward } from '@/lib/badges/public-award';
import { verifyOwnAward } from '@/lib/badges/verify-award';
import { getConfig } from '@/lib/config';

/** The badge page's verification, as JSON: the same checks, for machines. */
export async function GET(_request: Request, { params }: { params: Promise<{ awardId: string }> }) {
  const { awardId } = await params;
  const db = await getDb();
  const found = z.uuid().safeParse(awardId).success ? await findPublicAward(db, awardId) : null;
  if (!found) return problem({ status: 404, detail: 'Badge not found or private.' });
  const report = await verifyOwnAward(db, { found, appUrl: getConfig().appUrl });
  await countBadgeEvent(db, { awardId, event: 'verify' });
  return Response.json(report, {
    headers: { 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' },
  });
}
