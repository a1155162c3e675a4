import { z } from 'zod';
import { getDb } from '@/db/client';
import { clientKeyFrom } from '@/lib/auth/client-key';
import { getCurrentUser } from '@/lib/auth/session';
import { countBadgeEvent } from '@/lib/awards/visibility';
import { countBadgeView } from '@/lib/badges/badge-counts';
import { getConfig } from '@/lib/config';
import { BODY_LIMITS, isBodyTooLarge, readLimitedText, tooLargeProblem } from '@/lib/http/read-limited';

const eventSchema = z.object({ event: z.enum(['view', 'share']) });

/**
 * Counts a view (once per client per day) or a share (only the signed-in owner's) of a public
 * badge. Anonymous share events are accepted and ignored, so a script cannot inflate the count.
 */
export async function POST(request: Request, { params }: { params: Promise<{ awardId: string }> }) {
  const { awardId } = await params;
  let body: unknown;
  try {
    body = JSON.parse(await readLimitedText(request, BODY_LIMITS.events));
  } catch (error) {
    if (isBodyTooLarge(error)) return tooLargeProblem(error);
    body = null;
  }
  const parsed = eventSchema.safeParse(body);
  if (!parsed.success || !z.uuid().safeParse(awardId).success) return new Response(null, { status: 400 });
  const db = await getDb();
  if (parsed.data.event === 'view') {
    const client = clientKeyFrom(request.headers);
    await countBadgeView(db, { awardId, client, secret: getConfig().authSecret });
  } else {
    const user = await getCurrentUser();
    if (user) await countBadgeEvent(db, { awardId, event: 'share', ownerId: user.id });
  }
  return new Response(null, { status: 204 });
}
