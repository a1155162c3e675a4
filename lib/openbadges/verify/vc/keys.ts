import { ECDH } from 'node:crypto';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { decode as decodeBase58 } from 'base58-universal';
import { FetchError } from '@/lib/net/types';
import { DID_V1_CONTEXT, MULTIKEY_CONTEXT } from '@/lib/openbadges/vc/contexts';
import type { VerifyContext } from '../context';
import {
  describeStatus,
  fetchResource,
  isHostTrouble,
  isRecord,
  isUnreachable,
  readJsonObject,
} from '../fetch-json';
import { asList, idOf } from './detect';

/** Why a key could not be had: the report says which host, and whether it was merely down. */
export type KeyTrouble = { url: string; reason: string; isUnreachable: boolean };

export class KeyUnavailableError extends Error {
  override name = 'KeyUnavailableError';
  constructor(readonly trouble: KeyTrouble) {
    super(trouble.reason);
  }
}

const withoutFragment = (url: string) => url.split('#')[0] ?? url;

/** The https address of a did:web DID document (W3C did:web method, §3.2 Read). */
export function didWebUrl(did: string): string | undefined {
  const [, , host, ...path] = withoutFragment(did).split(':');
  if (!host) return undefined;
  const decodedHost = decodeURIComponent(host);
  if (!/^[a-z0-9.-]+(:\d+)?$/i.test(decodedHost)) return undefined;
  const tail =
    path.length > 0 ? `${path.map(decodeURIComponent).join('/')}/did.json` : '.well-known/did.json';
  return `https://${decodedHost}/${tail}`;
}

/** A did:jwk DID's public JWK (it is the DID itself, base64url-encoded); never one with `d`. */
export function didJwkKey(did: string): Record<string, unknown> | undefined {
  const encoded = withoutFragment(did).slice('did:jwk:'.length);
  try {
    const jwk = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as unknown;
    return isRecord(jwk) && jwk.d === undefined ? jwk : undefined;
  } catch {
    return undefined;
  }
}

async function fetchDocument(ctx: VerifyContext, url: string): Promise<Record<string, unknown>> {
  const fail = (reason: string, unreachable = false): never => {
    throw new KeyUnavailableError({ url, reason, isUnreachable: unreachable });
  };
  let resource: Awaited<ReturnType<typeof fetchResource>>;
  try {
    resource = await fetchResource(ctx, url);
  } catch (error) {
    if (error instanceof FetchError) return fail(error.message, isUnreachable(error));
    throw error;
  }
  if (resource.status < 200 || resource.status > 299) {
    return fail(`${url} answered with ${describeStatus(resource.status)}.`, isHostTrouble(resource.status));
  }
  const node = readJsonObject(resource);
  return typeof node === 'string' ? fail(node) : node;
}

/** Where a DID or https key id's controller document lives; undefined for what is not fetched. */
function documentUrl(url: string): string | undefined {
  if (url.startsWith('did:web:')) return didWebUrl(url);
  if (/^https?:\/\//i.test(url)) return withoutFragment(url);
  return undefined;
}

/** The verification methods a controller document lists, embedded ones included. */
function methodsOf(doc: Record<string, unknown>): Record<string, unknown>[] {
  const all = ['verificationMethod', 'assertionMethod', 'publicKey', 'authentication'].flatMap((key) =>
    asList(doc[key]),
  );
  return all.filter(isRecord);
}

const sameId = (a: string, b: string, base: string) => {
  const full = (id: string) => (id.startsWith('#') ? `${base}${id}` : id);
  return full(a) === full(b);
};

/** The verification method `url` in its controller document, as the document gives it. */
export async function loadVerificationMethod(ctx: VerifyContext, url: string) {
  if (url.startsWith('did:jwk:')) {
    const jwk = didJwkKey(url);
    if (!jwk)
      throw new KeyUnavailableError({ url, reason: `${url} is not a valid did:jwk.`, isUnreachable: false });
    return { id: url, type: 'JsonWebKey', controller: withoutFragment(url), publicKeyJwk: jwk };
  }
  const docUrl = documentUrl(url);
  if (!docUrl) return undefined;
  const doc = await fetchDocument(ctx, docUrl);
  if (!url.includes('#') && (typeof doc.publicKeyMultibase === 'string' || isRecord(doc.publicKeyJwk)))
    return doc;
  const base = withoutFragment(url);
  return methodsOf(doc).find((method) => typeof method.id === 'string' && sameId(method.id, url, base));
}

/** An Ed25519 verification method as a Multikey document, the form the Data Integrity suites read. */
export async function toMultikey(
  method: Record<string, unknown>,
): Promise<Record<string, unknown> | undefined> {
  const id = String(method.id);
  const controller = typeof method.controller === 'string' ? method.controller : withoutFragment(id);
  let publicKeyMultibase =
    typeof method.publicKeyMultibase === 'string' ? method.publicKeyMultibase : undefined;
  const jwk = method.publicKeyJwk;
  if (!publicKeyMultibase && isRecord(jwk) && jwk.kty === 'OKP' && jwk.crv === 'Ed25519') {
    try {
      publicKeyMultibase = (await Ed25519Multikey.fromJwk({ jwk })).publicKeyMultibase;
    } catch {
      return undefined;
    }
  }
  if (!publicKeyMultibase?.startsWith('z6Mk')) return undefined;
  return { '@context': MULTIKEY_CONTEXT, id, type: 'Multikey', controller, publicKeyMultibase };
}

/**
 * A controller document in the one shape jsonld-signatures reads without surprises: the DID
 * context first, Multikey methods, and `assertionMethod` as ids. Anything else it said is dropped.
 */
export async function toControllerDocument(doc: Record<string, unknown>, id: string) {
  const methods = (await Promise.all(methodsOf(doc).map(toMultikey))).filter((m) => m !== undefined);
  const base = withoutFragment(id);
  const absolute = (ref: string) => (ref.startsWith('#') ? `${base}${ref}` : ref);
  const assertionMethod = asList(doc.assertionMethod)
    .map(idOf)
    .filter((ref) => ref !== undefined)
    .map(absolute);
  return {
    '@context': [DID_V1_CONTEXT, MULTIKEY_CONTEXT],
    id: base,
    verificationMethod: methods.map(({ '@context': _context, ...method }) => ({
      ...method,
      id: absolute(String(method.id)),
    })),
    assertionMethod,
  };
}

/**
 * Resolves a key or controller URL for the Data Integrity document loader: did:jwk locally,
 * did:web and https documents through the verifier's fetcher. Fetch problems become a
 * KeyUnavailableError; what simply is not there resolves to undefined (the loader then refuses).
 */
export async function resolveForLoader(ctx: VerifyContext, url: string): Promise<unknown | undefined> {
  if (url.includes('#') || url.startsWith('did:jwk:')) {
    const method = await loadVerificationMethod(ctx, url);
    return method ? toMultikey(method) : undefined;
  }
  const docUrl = documentUrl(url);
  if (!docUrl) return undefined;
  const doc = await fetchDocument(ctx, docUrl);
  if (
    typeof doc.publicKeyMultibase === 'string' &&
    doc.type !== undefined &&
    doc.assertionMethod === undefined
  ) {
    return toMultikey(doc);
  }
  return toControllerDocument(doc, url);
}

const P256_PREFIX = [0x80, 0x24];

/** The public JWK of a did:key (Ed25519 `z6Mk…` or P-256 `zDn…`), derived locally. */
export async function didKeyJwk(did: string): Promise<Record<string, unknown> | undefined> {
  const multibase = withoutFragment(did).slice('did:key:'.length);
  if (multibase.startsWith('z6Mk')) {
    const key = await Ed25519Multikey.from({ publicKeyMultibase: multibase });
    return Ed25519Multikey.toJwk({ keyPair: key });
  }
  if (!multibase.startsWith('zDn')) return undefined;
  const bytes = decodeBase58(multibase.slice(1));
  if (bytes[0] !== P256_PREFIX[0] || bytes[1] !== P256_PREFIX[1]) return undefined;
  const point = ECDH.convertKey(
    Buffer.from(bytes.subarray(2)),
    'prime256v1',
    undefined,
    undefined,
    'uncompressed',
  ) as Buffer;
  const x = point.subarray(1, 33).toString('base64url');
  const y = point.subarray(33, 65).toString('base64url');
  return { kty: 'EC', crv: 'P-256', x, y };
}

/** The public JWK a verification method holds (publicKeyJwk, or an Ed25519 multibase key). */
export async function jwkOf(method: Record<string, unknown>): Promise<Record<string, unknown> | undefined> {
  if (isRecord(method.publicKeyJwk)) return method.publicKeyJwk;
  const multibase = method.publicKeyMultibase;
  if (typeof multibase === 'string') return didKeyJwk(`did:key:${multibase}`);
  return undefined;
}
