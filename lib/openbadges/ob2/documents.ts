import type { Award, BadgeTemplate, Issuer } from '@/db/schema';
import { identityHash } from './identity';
import { OB2_CONTEXT, ob2Urls } from './urls';

/** The issuer Profile. Hosted verification trusts assertions on this document's origin. */
export function issuerDocument(issuer: Issuer, appUrl: string) {
  const urls = ob2Urls(appUrl);
  return {
    '@context': OB2_CONTEXT,
    type: 'Issuer',
    id: urls.issuer(issuer.id),
    name: issuer.name,
    url: issuer.url,
    email: issuer.email,
    ...(issuer.description ? { description: issuer.description } : {}),
    ...(issuer.imageId ? { image: urls.image(issuer.imageId) } : {}),
  };
}

export function badgeClassDocument(template: BadgeTemplate, issuer: Issuer, appUrl: string) {
  const urls = ob2Urls(appUrl);
  return {
    '@context': OB2_CONTEXT,
    type: 'BadgeClass',
    id: urls.badgeClass(template.id),
    name: template.name,
    description: template.description,
    image: urls.image(template.imageId),
    criteria: {
      ...(template.criteriaUrl ? { id: template.criteriaUrl } : {}),
      ...(template.criteriaNarrative ? { narrative: template.criteriaNarrative } : {}),
    },
    issuer: urls.issuer(issuer.id),
    ...(template.skills.length ? { tags: template.skills } : {}),
  };
}

/** The hosted Assertion: the recipient appears only as a salted SHA-256 of their email. */
export function assertionDocument(award: Award, appUrl: string) {
  const urls = ob2Urls(appUrl);
  return {
    '@context': OB2_CONTEXT,
    type: 'Assertion',
    id: urls.assertion(award.id),
    recipient: {
      type: 'email',
      hashed: true,
      salt: award.recipientSalt,
      identity: identityHash(award.recipientEmail, award.recipientSalt),
    },
    badge: urls.badgeClass(award.templateId),
    verification: { type: 'HostedBadge' },
    issuedOn: award.issuedAt.toISOString(),
    ...(award.expiresAt ? { expires: award.expiresAt.toISOString() } : {}),
    ...(award.evidence.length
      ? {
          evidence: award.evidence.map((e) => ({
            ...(e.url ? { id: e.url } : {}),
            ...(e.narrative ? { narrative: e.narrative } : {}),
          })),
        }
      : {}),
  };
}

/** What a revoked hosted assertion answers, with HTTP 410. */
export function revokedAssertionDocument(award: Award, appUrl: string) {
  return {
    '@context': OB2_CONTEXT,
    type: 'Assertion',
    id: ob2Urls(appUrl).assertion(award.id),
    revoked: true,
    revocationReason: award.revocationReason ?? 'Revoked by the issuer',
  };
}
