import type { Award, BadgeTemplate, Issuer } from '@/db/schema';
import { identityHash } from '@/lib/openbadges/ob2/identity';
import { OB_CONTEXT, OB_EXTENSIONS_CONTEXT, VC_V2_CONTEXT } from '@/lib/openbadges/vc/contexts';

/** The JSON schema every OpenBadgeCredential names (validated by 1EdTech's validator). */
export const ACHIEVEMENT_CREDENTIAL_SCHEMA =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

/** Where Laurel hosts each Open Badges 3.0 document. */
export const ob3Urls = (appUrl: string) => ({
  credential: (awardId: string) => `${appUrl}/ob/v3/credentials/${awardId}`,
  achievement: (templateId: string) => `${appUrl}/ob/v3/achievements/${templateId}`,
  image: (imageId: string) => `${appUrl}/images/${imageId}`,
});

export type CredentialInput = {
  award: Award;
  template: BadgeTemplate;
  issuer: Issuer;
  /** The issuer's DID (did:web for Laurel's issuers; did:key in offline checks). */
  issuerId: string;
  appUrl: string;
  credentialStatus?: Record<string, unknown>;
};

const hasValue = <T>(value: T | null | undefined | ''): value is T =>
  value !== null && value !== undefined && value !== '';

/** The template as an OB 3.0 Achievement (what a credential's `achievement` holds). */
export function achievementOf(template: BadgeTemplate, appUrl: string) {
  const urls = ob3Urls(appUrl);
  return {
    id: urls.achievement(template.id),
    type: ['Achievement'],
    name: template.name,
    description: template.description,
    criteria: {
      ...(hasValue(template.criteriaUrl) ? { id: template.criteriaUrl } : {}),
      narrative: template.criteriaNarrative,
    },
    image: { id: urls.image(template.imageId), type: 'Image' },
    ...(template.skills.length ? { tag: template.skills } : {}),
    ...(template.alignments.length
      ? {
          alignment: template.alignments.map((a) => ({
            type: ['Alignment'],
            targetName: a.targetName,
            targetUrl: a.targetUrl,
            ...(a.targetFramework ? { targetFramework: a.targetFramework } : {}),
            ...(a.targetCode ? { targetCode: a.targetCode } : {}),
          })),
        }
      : {}),
  };
}

/** The Achievement on its own, as /ob/v3/achievements/<id> serves it. */
export function achievementDocument(template: BadgeTemplate, appUrl: string) {
  return { '@context': [VC_V2_CONTEXT, OB_CONTEXT], ...achievementOf(template, appUrl) };
}

/**
 * The OpenBadgeCredential of an accepted award, unsigned. The recipient appears only as the
 * salted SHA-256 the OB 2.0 assertion already publishes: never the address itself.
 */
export function buildCredential(input: CredentialInput): Record<string, unknown> {
  const { award, template, issuer, appUrl } = input;
  const urls = ob3Urls(appUrl);
  return {
    '@context': [VC_V2_CONTEXT, OB_CONTEXT, OB_EXTENSIONS_CONTEXT],
    id: urls.credential(award.id),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: template.name,
    issuer: {
      id: input.issuerId,
      type: ['Profile'],
      name: issuer.name,
      url: issuer.url,
      ...(issuer.imageId ? { image: { id: urls.image(issuer.imageId), type: 'Image' } } : {}),
    },
    validFrom: award.issuedAt.toISOString(),
    ...(award.expiresAt ? { validUntil: award.expiresAt.toISOString() } : {}),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        {
          type: 'IdentityObject',
          identityHash: identityHash(award.recipientEmail, award.recipientSalt),
          identityType: 'emailAddress',
          hashed: true,
          salt: award.recipientSalt,
        },
      ],
      achievement: achievementOf(template, appUrl),
    },
    ...(award.evidence.length
      ? {
          evidence: award.evidence.map((e) => ({
            type: ['Evidence'],
            ...(e.url ? { id: e.url } : {}),
            ...(e.narrative ? { narrative: e.narrative } : {}),
          })),
        }
      : {}),
    credentialSchema: [{ id: ACHIEVEMENT_CREDENTIAL_SCHEMA, type: '1EdTechJsonSchemaValidator2019' }],
    ...(input.credentialStatus ? { credentialStatus: input.credentialStatus } : {}),
  };
}
