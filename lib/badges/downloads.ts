import type { Executor } from '@/db/client';
import { findImage } from '@/lib/images/store';
import { ensureTemplatePng } from '@/lib/issuers/template-png';
import { bakePng } from '@/lib/openbadges/bake/png';
import { bakeSvg } from '@/lib/openbadges/bake/svg';
import { svgAroundPng } from '@/lib/openbadges/bake/svg-wrap';
import { assertionDocument } from '@/lib/openbadges/ob2/documents';
import { downloadBaseName } from './file-names';
import type { PublicAward } from './public-award';

export const DOWNLOAD_FORMATS = ['png', 'svg', 'json'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

export type Download = { body: Uint8Array | string; contentType: string; filename: string };

/** The badge with its hosted assertion baked in (PNG or SVG), or the assertion itself (JSON). */
export async function buildDownload(
  db: Executor,
  found: PublicAward,
  format: DownloadFormat,
  appUrl: string,
): Promise<Download> {
  const assertion = assertionDocument(found.award, appUrl);
  const json = JSON.stringify(assertion);
  const base = downloadBaseName(found.template.name, found.issuer.name);
  const filename = `${base}.${format}`;
  if (format === 'json') {
    const { revokedAt, revocationReason } = found.award;
    // A revoked badge's record says so inside (Open Badges 2.0's own fields) and in its name.
    const record = revokedAt
      ? { ...assertion, revoked: true, revocationReason: revocationReason ?? 'Revoked by the issuer' }
      : assertion;
    return {
      body: JSON.stringify(record, null, 2),
      contentType: 'application/ld+json; charset=utf-8',
      filename: revokedAt ? `${base}-revoked.json` : filename,
    };
  }
  if (format === 'png') {
    const png = await findImage(db, await ensureTemplatePng(db, found.template));
    if (!png) throw new Error('template PNG missing');
    return { body: bakePng(png.bytes, json), contentType: 'image/png', filename };
  }
  const image = await findImage(db, found.template.imageId);
  if (!image) throw new Error('template image missing');
  const svg =
    image.contentType === 'image/svg+xml'
      ? new TextDecoder().decode(image.bytes)
      : svgAroundPng(
          (await findImage(db, await ensureTemplatePng(db, found.template)))?.bytes ?? image.bytes,
        );
  return {
    body: bakeSvg(svg, { assertionJson: json, verifyUrl: assertion.id }),
    contentType: 'image/svg+xml',
    filename,
  };
}
