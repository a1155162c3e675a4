import { getDb } from '@/db/client';
import { renderBadgePreview } from '@/lib/badges/preview-image';
import { HIDEABLE_IMAGE_CACHE_CONTROL } from '@/lib/http/cache-headers';
import { loadPublicAward } from '../load';

/**
 * The badge's link preview (og:image, twitter:image). Behind the same gate as the page: a badge
 * that is not accepted and public is a 404, so a preview never shows what the page would not.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ awardId: string }> }) {
  const found = await loadPublicAward((await params).awardId);
  if (!found) {
    return new Response('Not found', {
      status: 404,
      headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' },
    });
  }
  const png = await renderBadgePreview(await getDb(), found);
  return new Response(png, {
    headers: {
      'Content-Type': 'image/png',
      // As fresh as the page: a revoked or hidden badge must not keep its old preview for long.
      'Cache-Control': HIDEABLE_IMAGE_CACHE_CONTROL,
    },
  });
}
