import { z } from 'zod';
import { getDb } from '@/db/client';
import { getCurrentUser } from '@/lib/auth/session';
import { fileResponse, nothingToDownload } from '@/lib/badges/file-response';
import { originalFileName } from '@/lib/imports/present';
import { findImportedOriginal } from '@/lib/imports/wallet';

/** The file exactly as it was imported (never re-signed by Laurel): anyone while public, its owner always. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return nothingToDownload();
  const user = await getCurrentUser();
  const found = await findImportedOriginal(await getDb(), { id, userId: user?.id });
  if (!found) return nothingToDownload();
  return fileResponse({
    body: found.original,
    contentType: found.mediaType,
    filename: originalFileName(found),
  });
}
