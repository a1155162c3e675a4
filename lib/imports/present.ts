import { downloadBaseName } from '@/lib/badges/file-names';
import { socialLinks } from '@/lib/badges/share-targets';

export const importedUrls = (id: string) => ({
  wallet: `/wallet/imported/${id}`,
  page: `/imported/${id}`,
  image: `/imported/${id}/image`,
  download: `/imported/${id}/download`,
});

/** The share links of an imported badge's public page (LinkedIn, X, Facebook, email). */
export function importedShareLinks(
  badge: { id: string; badgeName: string; issuerName: string; issuedAt: Date | null; expiresAt: Date | null },
  input: { appUrl: string; earnerName: string },
) {
  const publicUrl = `${input.appUrl}${importedUrls(badge.id).page}`;
  const shareable = {
    awardId: badge.id,
    badgeName: badge.badgeName,
    issuerName: badge.issuerName,
    earnerName: input.earnerName,
    issuedAt: badge.issuedAt ?? new Date(0),
    expiresAt: badge.expiresAt,
    publicUrl,
    imagePngUrl: `${input.appUrl}${importedUrls(badge.id).image}`,
    embedUrl: publicUrl,
  };
  return {
    publicUrl,
    links: socialLinks(shareable),
  };
}

const extensions: Record<string, string> = {
  'image/png': 'png',
  'image/svg+xml': 'svg',
  'application/jwt': 'jwt',
  'application/json': 'json',
};

/** "png", "svg", "jwt", "json": the extension of what an original file is ("txt" for anything else). */
export const originalExtension = (mediaType: string) => extensions[mediaType] ?? 'txt';

/** "robotics-zoe-co.png": the badge and issuer, with the extension of what the file is. */
export function originalFileName(badge: { badgeName: string; issuerName: string; mediaType: string }) {
  return `${downloadBaseName(badge.badgeName, badge.issuerName)}.${originalExtension(badge.mediaType)}`;
}

/** "Issued by Zoë & Co outside Laurel, verified 6 December 2026": the page's plain statement. */
export function provenanceLine(
  badge: { issuerName: string; status: string; verifiedAt: Date; expiresAt: Date | null },
  formatDate: (date: Date) => string,
) {
  const when = formatDate(badge.verifiedAt);
  if (badge.status === 'verified') return `Issued by ${badge.issuerName} outside Laurel, verified ${when}.`;
  if (badge.status === 'expired') {
    const expiry = badge.expiresAt ? ` on ${formatDate(badge.expiresAt)}` : '';
    return `Issued by ${badge.issuerName} outside Laurel, verified ${when}. It expired${expiry}.`;
  }
  if (badge.status === 'invalid') {
    return `Issued by ${badge.issuerName} outside Laurel. It no longer verifies (checked ${when}).`;
  }
  return `Issued by ${badge.issuerName} outside Laurel. Not verified yet: it could not be checked on ${when}; Laurel tries again.`;
}
