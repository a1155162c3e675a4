import { z } from 'zod';
import { getDb } from '@/db/client';
import { countBadgeEvent } from '@/lib/awards/visibility';
import { BODY_LIMITS, isBodyTooLarge, readLimitedText, tooLargeProblem } from '@/lib/http/read-limited';

const eventSchema = z.object({ event: z.enum(['view', 'share']) });

/** Counts a view or share of a public badge page. Stores a number, nothing about the visitor. */
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
  await countBadgeEvent(await getDb(), { awardId, event: parsed.data.event });
  return new Response(null, { status: 204 });
}
