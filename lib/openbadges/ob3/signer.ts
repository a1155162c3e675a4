import 'server-only';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { eq } from 'drizzle-orm';
import { CompactSign } from 'jose';
import type { Executor } from '@/db/client';
import { issuers } from '@/db/schema';
import { getConfig } from '@/lib/config';
import { documentLoader } from '@/lib/openbadges/vc/document-loader';
import { issuerDid, verificationMethodId } from './did';
import { currentIssuerKeys, privateKeyOf } from './issuer-keys';

export type Credential = Record<string, unknown>;
/** RS256 is OB 3.0's required minimum, so it comes first: the default wherever none is named. */
export const JWT_ALGORITHMS = ['RS256', 'EdDSA'] as const;
export type JwtAlgorithm = (typeof JWT_ALGORITHMS)[number];

/** The keys a signer signs with, and the DID (or URL) that controls them. */
export type SigningKeys = {
  controller: string;
  ed25519: { keyId: string; publicKeyMultibase: string; secretKeyMultibase: string };
  rsa?: { keyId: string; jwk: Record<string, string> };
};

export type IssuerSigner = {
  /** The Ed25519 key's verification method: `${did}#${keyId}`. */
  verificationMethod: string;
  /** The credential with an eddsa-rdfc-2022 DataIntegrityProof, `proof` as an array. */
  signDataIntegrity(credential: Credential): Promise<Credential>;
  /** The credential as a VC-JWT (OB 3.0 §8.2), RS256 with the RSA key or EdDSA with the Ed25519 key. */
  signJwt(credential: Credential, alg: JwtAlgorithm): Promise<string>;
};

/** Signing needs only the bundled contexts: no key or DID document is looked up. */
const signingLoader = documentLoader();

/**
 * The RDFC-1.0 canonical N-Quads of a document, as eddsa-rdfc-2022 hashes them (the same
 * canonicalization the signer runs). For comparing with published test vectors.
 */
export function canonicalNQuads(document: Credential): Promise<string> {
  return cryptosuite.canonize(document, { documentLoader: signingLoader });
}

/**
 * The Ed25519 private key as a WebCrypto/jose key. ed25519-multikey writes the 64-byte
 * seed‖public key into the JWK's `d`; JOSE wants the 32-byte seed alone.
 */
async function ed25519PrivateKey(keys: SigningKeys['ed25519']): Promise<KeyObject> {
  const keyPair = await Ed25519Multikey.from(keys);
  const jwk = await Ed25519Multikey.toJwk({ keyPair, secretKey: true });
  const seed = Buffer.from(String(jwk.d), 'base64url').subarray(0, 32);
  return createPrivateKey({ key: { ...jwk, d: seed.toString('base64url') }, format: 'jwk' });
}

const seconds = (iso: unknown) => (typeof iso === 'string' ? Math.floor(Date.parse(iso) / 1000) : undefined);
const idOf = (value: unknown) =>
  typeof value === 'string' ? value : ((value as { id?: unknown } | undefined)?.id as string | undefined);

/** The JWT claims OB 3.0 mirrors from the credential: iss, jti, nbf, sub and exp. */
export function jwtPayload(credential: Credential): Record<string, unknown> {
  const { proof: _proof, ...unsigned } = credential;
  const sub = idOf(credential.credentialSubject);
  const exp = seconds(credential.validUntil);
  return {
    ...unsigned,
    iss: idOf(credential.issuer),
    jti: credential.id,
    nbf: seconds(credential.validFrom),
    ...(sub ? { sub } : {}),
    ...(exp !== undefined ? { exp } : {}),
  };
}

/**
 * A signer over the given keys. `date` fixes the proof's `created` (test vectors); otherwise it
 * is now.
 */
export function signerFor(keys: SigningKeys, options: { date?: string } = {}): IssuerSigner {
  const verificationMethod = verificationMethodId(keys.controller, keys.ed25519.keyId);
  return {
    verificationMethod,
    async signDataIntegrity(credential) {
      const keyPair = await Ed25519Multikey.from({
        ...keys.ed25519,
        id: verificationMethod,
        controller: keys.controller,
      });
      const suite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite, date: options.date });
      const signed = await vc.issue({
        credential: structuredClone(credential),
        suite,
        documentLoader: signingLoader,
      });
      // The 1EdTech JSON schema wants `proof` as an array; the proof verifies either way.
      return { ...signed, proof: [signed.proof] };
    },
    async signJwt(credential, alg) {
      let kid = verificationMethod;
      let key: KeyObject;
      if (alg === 'RS256') {
        if (!keys.rsa) throw new Error('RS256 needs an RSA key, and this signer has none.');
        kid = verificationMethodId(keys.controller, keys.rsa.keyId);
        key = createPrivateKey({ key: keys.rsa.jwk, format: 'jwk' });
      } else {
        key = await ed25519PrivateKey(keys.ed25519);
      }
      return new CompactSign(new TextEncoder().encode(JSON.stringify(jwtPayload(credential))))
        .setProtectedHeader({ alg, typ: 'JWT', kid })
        .sign(key);
    },
  };
}

/** A signer whose identity is the did:key of its Ed25519 key (no RSA key): offline checks. */
export function didKeySigner(ed25519: { publicKeyMultibase: string; secretKeyMultibase: string }) {
  return signerFor({
    controller: `did:key:${ed25519.publicKeyMultibase}`,
    ed25519: { ...ed25519, keyId: ed25519.publicKeyMultibase },
  });
}

/** The issuer's signer: its did:web and current keys (generated on first use). */
export async function issuerSigner(db: Executor, issuerId: string): Promise<IssuerSigner> {
  const [issuer] = await db.select({ slug: issuers.slug }).from(issuers).where(eq(issuers.id, issuerId));
  if (!issuer) throw new Error(`no issuer ${issuerId}`);
  const current = await currentIssuerKeys(db, issuerId);
  const ed25519 = privateKeyOf(current.Ed25519);
  const rsa = privateKeyOf(current.RSA);
  if (ed25519.kind !== 'Ed25519' || rsa.kind !== 'RSA') throw new Error('stored key of the wrong kind');
  return signerFor({
    controller: issuerDid(getConfig().appUrl, issuer.slug),
    ed25519: {
      keyId: current.Ed25519.keyId,
      publicKeyMultibase: ed25519.publicKeyMultibase,
      secretKeyMultibase: ed25519.secretKeyMultibase,
    },
    rsa: { keyId: current.RSA.keyId, jwk: rsa.jwk },
  });
}
