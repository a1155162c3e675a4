import { z } from 'zod';
import { getDb } from '@/db/client';
import { problem } from '@/lib/api/problem';
import { getCurrentUser } from '@/lib/auth/session';
import { buildDownload, DOWNLOAD_FORMATS } from '@/lib/badges/downloads';
import { findOwnedAward, findPublicAward } from '@/lib/badges/public-award';
import { getConfig } from '@/lib/config';
import { SANDBOX_POLICY } from '@/lib/http/security-headers';

type Params = { params: Promise<{ awardId: string; format: string }> };

export async function GET(_request: Request, { params }: Params) {
  const { awardId, format } = await params;
  const parsedFormat = z.enum(DOWNLOAD_FORMATS).safeParse(format);
  const db = await getDb();
  const isValid = parsedFormat.success && z.uuid().safeParse(awardId).success;
  // Anyone may download a public badge; its owner may also download it while it is private.
  const user = isValid ? await getCurrentUser() : null;
  const found = isValid
    ? ((await findPublicAward(db, awardId)) ??
      (user ? await findOwnedAward(db, { awardId, userId: user.id }) : null))
    : null;
  if (!found || !parsedFormat.success)
    return problem({ status: 404, detail: 'There is no badge to download here.' });
  if (found.award.revokedAt) {
    return problem({
      status: 410,
      detail: `This badge was revoked by its issuer: ${found.award.revocationReason ?? ''}`,
    });
  }
  const download = await buildDownload(db, found, parsedFormat.data, getConfig().appUrl);
  return new Response(typeof download.body === 'string' ? download.body : Buffer.from(download.body), {
    headers: {
      'Content-Type': download.contentType,
      'Content-Disposition': `attachment; filename="${download.filename}"`,
      'Cache-Control': 'private, no-cache',
      ...(download.contentType === 'image/svg+xml' ? { 'Content-Security-Policy': SANDBOX_POLICY } : {}),
    },
  });
}
