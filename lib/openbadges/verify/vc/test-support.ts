import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { Ed25519VerificationKey2020 } from '@digitalbazaar/ed25519-verification-key-2020';
import { cryptosuite as eddsa2022 } from '@digitalbazaar/eddsa-2022-cryptosuite';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import * as jose from 'jose';
import { type Fetcher, unreachableError } from '@/lib/net/types';
import { OB_CONTEXT, VC_V1_CONTEXT, VC_V2_CONTEXT } from '@/lib/openbadges/vc/contexts';
import { documentLoader } from '@/lib/openbadges/vc/document-loader';
import { SUITE_CONTEXTS } from './suites';

/*
 * Credentials the VC tests make themselves: keys generated per run, signed with the same
 * libraries an issuer would use, and key documents served over real HTTP by a local server.
 */

const signingLoader = documentLoader(SUITE_CONTEXTS);

/** An Ed25519 key pair whose id is `<controller>#<multibase>` (did:key when no controller is given). */
export async function ed25519Key(controller?: string) {
  const generated = await Ed25519Multikey.generate();
  const owner = controller ?? `did:key:${generated.publicKeyMultibase}`;
  const exported = await generated.export({ publicKey: true, secretKey: true });
  return Ed25519Multikey.from({
    ...exported,
    id: `${owner}#${generated.publicKeyMultibase}`,
    controller: owner,
  });
}

export type Key = Awaited<ReturnType<typeof ed25519Key>>;

/** An OpenBadgeCredential (VC 2.0) from `issuer`, with any property replaced by `extra`. */
export function badgeCredential(
  issuer: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    '@context': [VC_V2_CONTEXT, OB_CONTEXT],
    id: `urn:uuid:${crypto.randomUUID()}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer, type: ['Profile'], name: 'Test Academy' },
    validFrom: '2025-01-01T00:00:00Z',
    name: 'Teamwork',
    credentialSubject: {
      id: 'did:example:learner',
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://academy.test/achievements/teamwork',
        type: ['Achievement'],
        name: 'Teamwork',
        description: 'Works well with others.',
        criteria: { narrative: 'Nominated by peers.' },
      },
    },
    ...extra,
  };
}

/** Signs with a DataIntegrityProof (eddsa-rdfc-2022), proof as an array as OB 3.0's schema wants. */
export async function signDataIntegrity(credential: Record<string, unknown>, key: Key) {
  const signed = await vc.issue({
    credential,
    suite: new DataIntegrityProof({ signer: key.signer(), cryptosuite }),
    documentLoader: signingLoader,
  });
  return { ...signed, proof: [signed.proof] };
}

/** A VC 1.1 OpenBadgeCredential signed with Ed25519Signature2020 by a fresh did:key. */
export async function signEd25519Signature2020() {
  const key = await Ed25519VerificationKey2020.generate();
  const did = `did:key:${key.publicKeyMultibase}`;
  key.id = `${did}#${key.publicKeyMultibase}`;
  key.controller = did;
  const { validFrom: _validFrom, ...v2 } = badgeCredential(did);
  const credential = {
    ...v2,
    '@context': [
      VC_V1_CONTEXT,
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      'https://w3id.org/security/suites/ed25519-2020/v1',
    ],
    issuanceDate: '2025-01-01T00:00:00Z',
  };
  return vc.issue({ credential, suite: new Ed25519Signature2020({ key }), documentLoader: signingLoader });
}

/**
 * A VC 1.1 OpenBadgeCredential with a Data Integrity proof written against the first
 * data-integrity context, as issuers did before the v2 context: eddsa-2022 or eddsa-rdfc-2022.
 */
export async function signLegacyDataIntegrity(suite: 'eddsa-2022' | 'eddsa-rdfc-2022') {
  const key = await ed25519Key();
  const { validFrom: _validFrom, ...v2 } = badgeCredential(String(key.controller));
  const credential = {
    ...v2,
    '@context': [VC_V1_CONTEXT, OB_CONTEXT, 'https://w3id.org/security/data-integrity/v1'],
    issuanceDate: '2025-01-01T00:00:00Z',
  };
  return vc.issue({
    credential,
    suite: new DataIntegrityProof({
      signer: key.signer(),
      cryptosuite: suite === 'eddsa-2022' ? eddsa2022 : cryptosuite,
      legacyContext: true,
    }),
    documentLoader: signingLoader,
  });
}

/** The key's secret as a jose EdDSA key (its JWK `d` holds seed and public key: keep the seed). */
export async function edDsaPrivateKey(key: Key): Promise<CryptoKey> {
  const jwk = await Ed25519Multikey.toJwk({ keyPair: key, secretKey: true });
  const seed = Buffer.from(String(jwk.d), 'base64url').subarray(0, 32).toString('base64url');
  return (await jose.importJWK({ ...jwk, d: seed } as jose.JWK, 'EdDSA')) as CryptoKey;
}

/** OB 3.0 §8.2 VC-JWT: the credential as payload, with iss, jti, sub, nbf (and exp) mirroring it. */
export async function signJwt(
  credential: Record<string, unknown>,
  options: {
    alg: 'RS256' | 'ES256' | 'EdDSA';
    key: CryptoKey;
    kid?: string;
    jwk?: jose.JWK;
    claims?: Record<string, unknown>;
  },
): Promise<string> {
  const issuer = credential.issuer as { id: string };
  const subject = credential.credentialSubject as { id?: string };
  const payload = {
    ...credential,
    iss: issuer.id,
    jti: credential.id,
    sub: subject.id,
    nbf: Math.floor(Date.parse(String(credential.validFrom)) / 1000),
    ...(credential.validUntil ? { exp: Math.floor(Date.parse(String(credential.validUntil)) / 1000) } : {}),
    ...options.claims,
  };
  const header = {
    alg: options.alg,
    typ: 'JWT',
    ...(options.kid ? { kid: options.kid } : {}),
    ...(options.jwk ? { jwk: options.jwk } : {}),
  };
  return new jose.CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader(header)
    .sign(options.key);
}

export type KeyHost = {
  /** Documents by https URL (e.g. https://issuer.test/issuers/1), served as JSON. */
  documents: Map<string, unknown>;
  /** Every URL the verifier asked for, in order. */
  requested: string[];
  fetch: Fetcher;
  close: () => Promise<void>;
};

/**
 * A local HTTP server standing in for issuers' websites. Its Fetcher sends https://<host>/… for the
 * hosts in `documents` to the server; any other host cannot be reached, as if it were down.
 */
export async function startKeyHost(): Promise<KeyHost> {
  const documents = new Map<string, unknown>();
  const requested: string[] = [];
  const server = http.createServer((request, response) => {
    const url = String(request.headers['x-original-url']);
    const document = documents.get(url);
    if (document === undefined) response.writeHead(404).end('Not found');
    else response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(document));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const knownHosts = () => new Set([...documents.keys()].map((url) => new URL(url).host));
  const fetch: Fetcher = async (url, options) => {
    requested.push(url);
    const parsed = new URL(url);
    if (!knownHosts().has(parsed.host))
      throw unreachableError(`${parsed.host} could not be reached (DNS lookup failed)`);
    const response = await globalThis.fetch(`http://127.0.0.1:${port}${parsed.pathname}`, {
      headers: { Accept: options.accept, 'X-Original-Url': url },
    });
    const body = new Uint8Array(await response.arrayBuffer());
    const contentType = response.headers.get('content-type') ?? '';
    return { url, finalUrl: url, redirected: false, status: response.status, contentType, body };
  };
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { documents, requested, fetch, close };
}

/** An https controller document listing `key` (a Multikey) for issuing, as an issuer would publish. */
export async function controllerDocument(id: string, key: Key) {
  const publicKey = await key.export({ publicKey: true });
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id,
    verificationMethod: [{ ...publicKey, '@context': undefined, id: key.id, controller: id }],
    assertionMethod: [key.id],
  };
}
