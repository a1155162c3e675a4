import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { badgeTemplates } from '@/db/schema';
import { getConfig } from '@/lib/config';
import { achievementDocument } from '@/lib/openbadges/ob3/build-credential';
import { ob3NotFound } from '@/lib/openbadges/ob3/respond';

/** An Achievement (a badge template): public, like the OB 2.0 badge class it mirrors. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = z.uuid().safeParse((await params).id);
  const [template] = id.success
    ? await (await getDb()).select().from(badgeTemplates).where(eq(badgeTemplates.id, id.data))
    : [];
  if (!template) return ob3NotFound('There is no achievement at this address.');
  return new Response(JSON.stringify(achievementDocument(template, getConfig().appUrl), null, 2), {
    headers: {
      'Content-Type': 'application/ld+json; charset=utf-8',
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'no-cache',
    },
  });
}
