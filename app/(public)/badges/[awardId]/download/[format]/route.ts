import { z } from 'zod';
import { getDb } from '@/db/client';
import { buildDownload, DOWNLOAD_FORMATS } from '@/lib/badges/downloads';
import { downloadableAward, fileResponse, nothingToDownload } from '@/lib/badges/file-response';
import { getConfig } from '@/lib/config';

type Params = { params: Promise<{ awardId: string; format: string }> };

/**
 * The badge as a file with its Open Badges 2.0 assertion: baked PNG or SVG, or the JSON (for a
 * revoked badge only the JSON, which says it is revoked).
 */
export async function GET(_request: Request, { params }: Params) {
  const { awardId, format } = await params;
  const parsedFormat = z.enum(DOWNLOAD_FORMATS).safeParse(format);
  if (!parsedFormat.success || !z.uuid().safeParse(awardId).success) return nothingToDownload();
  const db = await getDb();
  const allowed = await downloadableAward(db, awardId, { isRecord: parsedFormat.data === 'json' });
  if ('refusal' in allowed) return allowed.refusal;
  return fileResponse(await buildDownload(db, allowed.found, parsedFormat.data, getConfig().appUrl));
}
