import { z } from 'zod';
import { getDb } from '@/db/client';
import { problem } from '@/lib/api/problem';
import { getCurrentUser } from '@/lib/auth/session';
import { CREDENTIAL_FILE_FORMATS, credentialFile } from '@/lib/badges/credential-files';
import { findOwnedAward, findPublicAward } from '@/lib/badges/public-award';
import { SANDBOX_POLICY } from '@/lib/http/security-headers';
import { credentialForAward } from '@/lib/openbadges/ob3/credentials';

type Params = { params: Promise<{ awardId: string; format: string }> };

const FORMATS = z.enum(CREDENTIAL_FILE_FORMATS);

/** The Open Badges 3.0 credential as a file: signed JSON-LD, VC-JWT, or baked into the badge image. */
export async function GET(_request: Request, { params }: Params) {
  const { awardId, format } = await params;
  const parsedFormat = FORMATS.safeParse(format);
  const isValid = parsedFormat.success && z.uuid().safeParse(awardId).success;
  const db = await getDb();
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
  const credential = await credentialForAward(db, found.award.id);
  if (!credential) return problem({ status: 404, detail: 'There is no badge to download here.' });
  const file = await credentialFile(db, found, parsedFormat.data, credential);
  return new Response(typeof file.body === 'string' ? file.body : Buffer.from(file.body), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.filename}"`,
      'Cache-Control': 'private, no-cache',
      ...(file.contentType === 'image/svg+xml' ? { 'Content-Security-Policy': SANDBOX_POLICY } : {}),
    },
  });
}
