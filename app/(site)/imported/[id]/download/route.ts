import { z } from 'zod';
import { getDb } from '@/db/client';
import { getCurrentUser } from '@/lib/auth/session';
import { fileResponse, nothingToDownload } from '@/lib/badges/file-response';
import { originalFileName } from '@/lib/imports/present';
import { findOwnImportedOriginal } from '@/lib/imports/wallet';

/**
 * The file exactly as it was imported (never re-signed by Laurel), for its owner only: a baked
 * credential may name their email in plain text, so visitors of a public badge see its page.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return nothingToDownload();
  const user = await getCurrentUser();
  if (!user) return nothingToDownload();
  const found = await findOwnImportedOriginal(await getDb(), { id, userId: user.id });
  if (!found) return nothingToDownload();
  return fileResponse({
    body: found.original,
    contentType: found.mediaType,
    filename: originalFileName(found),
  });
}
