/**
 * The part of the OB 2.0 JSON-LD context (https://w3id.org/openbadges/v2) a verifier needs to
 * read `type` values without a JSON-LD processor: its prefixes and its class terms.
 */
export const OB2_CONTEXT_URLS = [
  'https://w3id.org/openbadges/v2',
  'https://openbadgespec.org/v2/context.json',
];

export const OBI = 'https://w3id.org/openbadges#';

const PREFIXES: Record<string, string> = {
  obi: OBI,
  extensions: 'https://w3id.org/openbadges/extensions#',
  validation: `${OBI}validation`,
  cred: 'https://w3id.org/credentials#',
  dc: 'http://purl.org/dc/terms/',
  schema: 'http://schema.org/',
  sec: 'https://w3id.org/security#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

const CLASS_TERMS: Record<string, string> = {
  AlignmentObject: 'schema:AlignmentObject',
  CryptographicKey: 'sec:Key',
  Endorsement: 'cred:Credential',
  Assertion: 'obi:Assertion',
  BadgeClass: 'obi:BadgeClass',
  Criteria: 'obi:Criteria',
  Evidence: 'obi:Evidence',
  Extension: 'obi:Extension',
  FrameValidation: 'obi:FrameValidation',
  IdentityObject: 'obi:IdentityObject',
  Image: 'obi:Image',
  HostedBadge: 'obi:HostedBadge',
  hosted: 'obi:HostedBadge',
  Issuer: 'obi:Issuer',
  Profile: 'obi:Profile',
  RevocationList: 'obi:RevocationList',
  SignedBadge: 'obi:SignedBadge',
  signed: 'obi:SignedBadge',
  TypeValidation: 'obi:TypeValidation',
  VerificationObject: 'obi:VerificationObject',
};

/**
 * An absolute IRI per RFC 3987's shape: a scheme, no spaces or forbidden characters, and at most
 * one `#` (so `https://w3id.org/openbadges#extensions/#X` is not one).
 */
export function isAbsoluteIri(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`#]*(#[^\s<>"{}|\\^`#]*)?$/i.test(value);
}

/**
 * Expands a `type` value as JSON-LD would with the OB 2.0 context: a class term, a compact IRI
 * with one of its prefixes, or an absolute IRI. Anything else (e.g. `NotAKnownClass`) would stay
 * a relative IRI, which is not a class: undefined.
 */
export function expandType(value: string): string | undefined {
  const term = CLASS_TERMS[value];
  if (term) return expandType(term);
  const colon = value.indexOf(':');
  if (colon > 0) {
    const prefix = PREFIXES[value.slice(0, colon)];
    const expanded = prefix ? prefix + value.slice(colon + 1) : value;
    return isAbsoluteIri(expanded) ? expanded : undefined;
  }
  return undefined;
}

/** The IRIs of the OB classes a verifier cares about, for comparing expanded types. */
export const OB_CLASS = {
  Assertion: `${OBI}Assertion`,
  BadgeClass: `${OBI}BadgeClass`,
  Issuer: `${OBI}Issuer`,
  Profile: `${OBI}Profile`,
  CryptographicKey: `${PREFIXES.sec}Key`,
  RevocationList: `${OBI}RevocationList`,
  AlignmentObject: `${PREFIXES.schema}AlignmentObject`,
  Endorsement: `${PREFIXES.cred}Credential`,
  Extension: `${OBI}Extension`,
  HostedBadge: `${OBI}HostedBadge`,
  SignedBadge: `${OBI}SignedBadge`,
} as const;

/**
 * Whether an inline `@context` object is the OB 2.0 context written out in full (some issuers and
 * the reference fixtures embed it instead of linking it): it must map the OB vocabulary.
 */
export function isInlineOb2Context(context: Record<string, unknown>): boolean {
  return (
    context.obi === OBI && context.Assertion === 'obi:Assertion' && context.BadgeClass === 'obi:BadgeClass'
  );
}
