import { z } from 'zod';
import { getDb } from '@/db/client';
import { problem } from '@/lib/api/problem';
import { getCurrentUser } from '@/lib/auth/session';
import { downloadBaseName } from '@/lib/badges/file-names';
import { findOwnedAward, findPublicAward } from '@/lib/badges/public-award';
import { credentialForAward } from '@/lib/openbadges/ob3/credentials';
import { VC_JSON_LD, VC_JWT } from '@/lib/openbadges/ob3/respond';

type Params = { params: Promise<{ awardId: string; format: string }> };

const FORMATS = z.enum(['json', 'jwt']);

/** The Open Badges 3.0 credential as a file: signed JSON-LD or VC-JWT. */
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
  const isJwt = parsedFormat.data === 'jwt';
  const filename = `${downloadBaseName(found.template.name, found.issuer.name)}-ob3.${parsedFormat.data}`;
  return new Response(isJwt ? credential.jwt : JSON.stringify(credential.json, null, 2), {
    headers: {
      'Content-Type': isJwt ? VC_JWT : `${VC_JSON_LD}; charset=utf-8`,
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-cache',
    },
  });
}
