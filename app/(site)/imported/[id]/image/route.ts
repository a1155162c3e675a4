import { z } from 'zod';
import { getDb } from '@/db/client';
import { getCurrentUser } from '@/lib/auth/session';
import { nothingToDownload } from '@/lib/badges/file-response';
import { SANDBOX_POLICY } from '@/lib/http/security-headers';
import { findImportedOriginal } from '@/lib/imports/wallet';

// Shown for a badge imported as JSON or a JWT: its image lives on the issuer's site, which
// Laurel's pages do not load from (img-src 'self').
const PLACEHOLDER = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64"><circle cx="32" cy="26" r="18" fill="#e7e5e4" stroke="#57534e" stroke-width="3"/><path d="M22 40l-6 18 10-5 6 8 4-17M42 40l6 18-10-5-6 8" fill="#e7e5e4" stroke="#57534e" stroke-width="3" stroke-linejoin="round"/></svg>`;

/** The badge's own image when it was imported as one (PNG or SVG), else a plain badge shape. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return nothingToDownload();
  const user = await getCurrentUser();
  const found = await findImportedOriginal(await getDb(), { id, userId: user?.id });
  if (!found) return nothingToDownload();
  const isImage = found.mediaType === 'image/png' || found.mediaType === 'image/svg+xml';
  return new Response(isImage ? Buffer.from(found.original) : PLACEHOLDER, {
    headers: {
      'Content-Type': isImage ? found.mediaType : 'image/svg+xml',
      'Cache-Control': 'private, no-cache',
      'Content-Security-Policy': SANDBOX_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
