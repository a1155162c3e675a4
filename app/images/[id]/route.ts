import { z } from 'zod';
import { getDb } from '@/db/client';
import { SANDBOX_POLICY } from '@/lib/http/security-headers';
import { findImage } from '@/lib/images/store';

/** Badge and issuer images. Immutable: a changed image gets a new id. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = z.uuid().safeParse((await params).id);
  const image = id.success ? await findImage(await getDb(), id.data) : null;
  if (!image) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  return new Response(Buffer.from(image.bytes), {
    headers: {
      'Content-Type': image.contentType,
      'Cache-Control': 'public, max-age=31536000, immutable',
      // An SVG opened directly must not run script or load anything.
      'Content-Security-Policy': SANDBOX_POLICY,
    },
  });
}
