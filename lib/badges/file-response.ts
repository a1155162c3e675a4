import 'server-only';
import type { Db } from '@/db/client';
import { problem } from '@/lib/api/problem';
import { getCurrentUser } from '@/lib/auth/session';
import type { Download } from '@/lib/badges/downloads';
import { findOwnedAward, findPublicAward, type PublicAward } from '@/lib/badges/public-award';
import { SANDBOX_POLICY } from '@/lib/http/security-headers';

/** 404: the same answer for a malformed link, an unknown badge and one the visitor may not see. */
export const nothingToDownload = () =>
  problem({ status: 404, detail: 'There is no badge to download here.' });

/**
 * The award a download link names (a well-formed id), or the answer to give instead: 404 for an
 * award the visitor may not see, 410 once revoked — except for `isRecord` formats (the JSON), which
 * stay downloadable as the record of a revoked badge, marked as such. Anyone may download a public
 * badge; its owner may also download it while it is private.
 */
export async function downloadableAward(
  db: Db,
  awardId: string,
  options: { isRecord?: boolean } = {},
): Promise<{ found: PublicAward } | { refusal: Response }> {
  const user = await getCurrentUser();
  const found =
    (await findPublicAward(db, awardId)) ??
    (user ? await findOwnedAward(db, { awardId, userId: user.id }) : null);
  if (!found) return { refusal: nothingToDownload() };
  if (found.award.revokedAt && !options.isRecord) {
    return {
      refusal: problem({
        status: 410,
        detail: `This badge was revoked by its issuer: ${found.award.revocationReason ?? ''}`,
      }),
    };
  }
  return { found };
}

/** A file as an attachment; an SVG gets the sandbox CSP, so opening it runs nothing. */
export function fileResponse(file: Download): Response {
  return new Response(typeof file.body === 'string' ? file.body : Buffer.from(file.body), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.filename}"`,
      'Cache-Control': 'private, no-cache',
      ...(file.contentType === 'image/svg+xml' ? { 'Content-Security-Policy': SANDBOX_POLICY } : {}),
    },
  });
}
