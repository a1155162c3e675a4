import { z } from 'zod';
import { getDb } from '@/db/client';
import { SANDBOX_POLICY } from '@/lib/http/security-headers';
import { findImage } from '@/lib/images/store';

/**
 * Badge and issuer images, immutable (a changed image gets a new id); and profile photos, which
 * an account's deletion or a new photo takes away: a browser keeps one a minute, a CDN a second.
 */
const CACHE = {
  image: 'public, max-age=31536000, immutable',
  photo: 'public, max-age=60, s-maxage=1, must-revalidate',
};

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = z.uuid().safeParse((await params).id);
  const image = id.success ? await findImage(await getDb(), id.data) : null;
  if (!image) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  return new Response(Buffer.from(image.bytes), {
    headers: {
      'Content-Type': image.contentType,
      'Cache-Control': image.isPhoto ? CACHE.photo : CACHE.image,
      // An SVG opened directly must not run script or load anything.
      'Content-Security-Policy': SANDBOX_POLICY,
    },
  });
}
