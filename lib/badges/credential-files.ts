import type { Db } from '@/db/client';
import type { Download } from '@/lib/badges/downloads';
import { downloadBaseName } from '@/lib/badges/file-names';
import type { PublicAward } from '@/lib/badges/public-award';
import { findImage } from '@/lib/images/store';
import { ensureTemplatePng } from '@/lib/issuers/template-png';
import { bakedCredentialDownload } from '@/lib/openbadges/bake/credential-download';
import type { StoredCredential } from '@/lib/openbadges/ob3/credentials';
import { VC_JSON_LD, VC_JWT } from '@/lib/openbadges/ob3/respond';

/** `jwt` is the RS256 VC-JWT (OB 3.0's required minimum), `jwt-eddsa` the same credential signed with EdDSA. */
export const CREDENTIAL_FILE_FORMATS = ['json', 'jwt', 'jwt-eddsa', 'png', 'svg'] as const;
export type CredentialFileFormat = (typeof CREDENTIAL_FILE_FORMATS)[number];

/**
 * The award's Open Badges 3.0 credential as a file: the signed JSON-LD, a VC-JWT, or the badge
 * image with the signed credential baked in (PNG: the template's PNG; SVG: the template's SVG, or
 * its PNG wrapped in one).
 */
export async function credentialFile(
  db: Db,
  found: PublicAward,
  format: CredentialFileFormat,
  credential: StoredCredential,
): Promise<Download> {
  const base = `${downloadBaseName(found.template.name, found.issuer.name)}-credential`;
  if (format === 'json') {
    return {
      body: JSON.stringify(credential.json, null, 2),
      contentType: `${VC_JSON_LD}; charset=utf-8`,
      // The signed credential cannot change; its status list entry and its name say it is revoked.
      filename: found.award.revokedAt ? `${base}-revoked.json` : `${base}.json`,
    };
  }
  if (format === 'jwt') return { body: credential.jwt.RS256, contentType: VC_JWT, filename: `${base}.jwt` };
  if (format === 'jwt-eddsa') {
    return { body: credential.jwt.EdDSA, contentType: VC_JWT, filename: `${base}-eddsa.jwt` };
  }
  const original = await findImage(db, found.template.imageId);
  const image =
    format === 'svg' && original?.contentType === 'image/svg+xml'
      ? original
      : await findImage(db, await ensureTemplatePng(db, found.template));
  if (!image) throw new Error('template image missing');
  const baked = bakedCredentialDownload(format, image, credential);
  return { body: baked.bytes, contentType: baked.contentType, filename: `${base}.${format}` };
}
