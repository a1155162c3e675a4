import type { VerificationReport } from '@/lib/openbadges/verify/types';
import type { FoundBadge } from '@/lib/openbadges/verify/verify';

const versions = { ob2: 'Open Badges 2.0', ob3: 'Open Badges 3.0', clr: 'CLR 2.0' } as const;

/** e.g. "Open Badges 3.0 · baked PNG". */
export function formatLabel(kind: FoundBadge['kind'], form: string): string {
  return `${kind ? versions[kind] : 'Badge'} · ${form}`;
}

const text = (value: unknown, max: number) =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : null;

function date(value: string | undefined): Date | null {
  if (!value) return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/** An OB 2.0 assertion names its badge and issuer by URL; the verifier fetched and summarised them. */
function nameFromDocument(document: Record<string, unknown>): string | null {
  const badge = document.badge;
  if (badge && typeof badge === 'object') return text((badge as Record<string, unknown>).name, 200);
  return text(document.name, 200);
}

/** What the wallet and the public page show, read from the verifier's summary. */
export function displayFields(report: VerificationReport, document: Record<string, unknown>) {
  const badge = report.badge ?? {};
  const issuedAt = date(badge.issuedOn) ?? date(String(document.validFrom ?? document.issuanceDate ?? ''));
  const image = text(badge.image, 2048);
  return {
    badgeName: text(badge.name, 200) ?? nameFromDocument(document) ?? 'Untitled badge',
    description: text(badge.description, 4000),
    imageUrl: image && /^https?:\/\//i.test(image) ? image : null,
    issuerName: text(badge.issuerName, 200) ?? 'an unnamed issuer',
    issuerUrl: text(badge.issuerUrl, 2048),
    issuedAt,
    expiresAt: date(badge.expires) ?? date(String(document.validUntil ?? document.expirationDate ?? '')),
  };
}
