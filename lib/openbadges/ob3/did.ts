import { DID_V1_CONTEXT, MULTIKEY_CONTEXT } from '@/lib/openbadges/vc/contexts';

/** Defines JsonWebKey and publicKeyJwk, which the DID v1 context does not. */
export const JWK_CONTEXT = 'https://w3id.org/security/jwk/v1';

/** The public half of an issuer key, as the DID document lists it. */
export type PublicIssuerKey = {
  keyId: string;
  kind: 'Ed25519' | 'RSA';
  publicKeyMultibase: string | null;
  publicKeyJwk: Record<string, string> | null;
};

/**
 * The issuer's did:web: APP_URL's host (a port percent-encoded, as did:web requires) and path,
 * then `issuers:<slug>`. Verifiers resolve it to `${APP_URL}/issuers/<slug>/did.json`.
 */
export function issuerDid(appUrl: string, slug: string): string {
  const url = new URL(appUrl);
  const pathParts = url.pathname.split('/').filter(Boolean).map(encodeURIComponent);
  return ['did:web', encodeURIComponent(url.host), ...pathParts, 'issuers', slug].join(':');
}

/** Where the DID document and each key's own document are served. */
export const didUrls = (appUrl: string, slug: string) => ({
  didDocument: `${appUrl}/issuers/${slug}/did.json`,
  key: (keyId: string) => `${appUrl}/issuers/${slug}/keys/${encodeURIComponent(keyId)}`,
});

/** `did#keyId`: the verification method a proof or a JWT `kid` names. */
export const verificationMethodId = (did: string, keyId: string) => `${did}#${keyId}`;

/** A key as a verification method: Ed25519 as Multikey, RSA as JsonWebKey. */
export function verificationMethod(did: string, key: PublicIssuerKey) {
  const id = verificationMethodId(did, key.keyId);
  if (key.kind === 'Ed25519') {
    return { id, type: 'Multikey', controller: did, publicKeyMultibase: key.publicKeyMultibase ?? '' };
  }
  return { id, type: 'JsonWebKey', controller: did, publicKeyJwk: key.publicKeyJwk ?? {} };
}

/**
 * The DID document: every key the issuer ever signed with (retired ones included, so earlier
 * credentials still verify), each usable for assertions. The DID v1 context comes first: Data
 * Integrity verifiers then read it as a controller document without JSON-LD framing.
 */
export function didDocument(did: string, keys: PublicIssuerKey[]) {
  const hasJwk = keys.some((key) => key.kind === 'RSA');
  const methods = keys.map((key) => verificationMethod(did, key));
  return {
    '@context': [DID_V1_CONTEXT, MULTIKEY_CONTEXT, ...(hasJwk ? [JWK_CONTEXT] : [])],
    id: did,
    verificationMethod: methods,
    assertionMethod: methods.map((method) => method.id),
  };
}

/** One key's own document (what a verifier dereferences from a proof's verificationMethod). */
export function keyDocument(did: string, key: PublicIssuerKey) {
  return {
    '@context': key.kind === 'Ed25519' ? MULTIKEY_CONTEXT : [MULTIKEY_CONTEXT, JWK_CONTEXT],
    ...verificationMethod(did, key),
  };
}

/**
 * The documents a verifier needs for this issuer, by URL: the DID document under the DID and each
 * key document under its verification method id. Laurel's own verifier resolves its own did:web
 * from these (the database), not over the network: a did:web is resolved over https, which a
 * local http://localhost server cannot offer.
 */
export function issuerDocuments(did: string, keys: PublicIssuerKey[]): Map<string, unknown> {
  const documents = new Map<string, unknown>([[did, didDocument(did, keys)]]);
  for (const key of keys) documents.set(verificationMethodId(did, key.keyId), keyDocument(did, key));
  return documents;
}
