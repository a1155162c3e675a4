import { z } from 'zod';
import { getDb } from '@/db/client';
import { getCurrentUser } from '@/lib/auth/session';
import { nothingToDownload } from '@/lib/badges/file-response';
import { SANDBOX_POLICY } from '@/lib/http/security-headers';
import { findImportedImage } from '@/lib/imports/wallet';

const IMAGE_TYPES = new Set(['image/png', 'image/svg+xml']);

// Shown for a badge imported as JSON or a JWT (its image lives on the issuer's site, which
// Laurel's pages do not load from: img-src 'self'), or whose picture could not be drawn.
const PLACEHOLDER = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64"><circle cx="32" cy="26" r="18" fill="#e7e5e4" stroke="#57534e" stroke-width="3"/><path d="M22 40l-6 18 10-5 6 8 4-17M42 40l6 18-10-5-6 8" fill="#e7e5e4" stroke="#57534e" stroke-width="3" stroke-linejoin="round"/></svg>`;

/**
 * The badge's image: its owner gets the imported PNG or SVG itself; a visitor of a public badge the
 * picture without its baked credential; either gets a plain badge shape when there is no image.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return nothingToDownload();
  const user = await getCurrentUser();
  const found = await findImportedImage(await getDb(), { id, userId: user?.id });
  if (!found) return nothingToDownload();
  const image = found.bytes !== null && IMAGE_TYPES.has(found.mediaType) ? found.bytes : null;
  return new Response(image ? Buffer.from(image) : PLACEHOLDER, {
    headers: {
      'Content-Type': image ? found.mediaType : 'image/svg+xml',
      'Cache-Control': 'private, no-cache',
      'Content-Security-Policy': SANDBOX_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
