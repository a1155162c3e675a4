import * as jose from 'jose';
import { noteUnreachable, type VerifyContext } from '../context';
import { parseDateTime } from '../dates';
import { isRecord } from '../fetch-json';
import { type Jws, parseJws } from '../jws';
import { credentialOfJwt, idOf, vcVersion } from './detect';
import { didJwkKey, didKeyJwk, jwkOf, KeyUnavailableError, loadVerificationMethod } from './keys';
import type { ProofOutcome } from './proof';

/** OB 3.0 requires RS256; ES256 and EdDSA are allowed. Nothing else, and never `none`. */
const ALGORITHMS = ['RS256', 'ES256', 'EdDSA'];

const withoutFragment = (url: string) => url.split('#')[0] ?? url;

/** Whether a compact JWS carries a verifiable credential (VC-JWT) rather than an OB 2.0 assertion. */
export function isVcJwt(token: string): boolean {
  const jws = parseJws(token);
  return typeof jws !== 'string' && credentialOfJwt(jws.payload) !== undefined;
}

/** The credential a VC-JWT carries; VC 1.1 tokens may keep issuer, id, dates and subject in claims only. */
function credentialOf(payload: Record<string, unknown>): Record<string, unknown> {
  const credential = { ...(credentialOfJwt(payload) ?? {}) };
  if (!isRecord(payload.vc)) return credential;
  const seconds = (value: unknown) =>
    typeof value === 'number' ? new Date(value * 1000).toISOString().replace('.000Z', 'Z') : undefined;
  credential.issuer ??= payload.iss;
  credential.id ??= payload.jti;
  if (vcVersion(credential) === '1.1') {
    credential.issuanceDate ??= seconds(payload.nbf);
    credential.expirationDate ??= seconds(payload.exp);
  }
  if (isRecord(credential.credentialSubject) && typeof payload.sub === 'string') {
    credential.credentialSubject = { id: payload.sub, ...credential.credentialSubject };
  }
  return credential;
}

type FoundKey = { jwk: Record<string, unknown>; controller?: string; keyId: string; isEmbedded: boolean };

async function findKey(header: Record<string, unknown>, ctx: VerifyContext): Promise<FoundKey | string> {
  const kid = typeof header.kid === 'string' ? header.kid : undefined;
  if (isRecord(header.jwk)) {
    if (header.jwk.d !== undefined) return 'Its header carries a private key, which must never be shared.';
    return { jwk: header.jwk, keyId: kid ?? 'the key in its header', isEmbedded: true };
  }
  if (!kid) return 'Its header names no key (neither kid nor jwk), so the signature cannot be checked.';
  const controller = withoutFragment(kid);
  if (kid.startsWith('did:key:')) {
    const jwk = await didKeyJwk(kid).catch(() => undefined);
    return jwk
      ? { jwk, controller, keyId: kid, isEmbedded: false }
      : `Laurel cannot read the key type of ${kid}.`;
  }
  if (kid.startsWith('did:jwk:')) {
    const jwk = didJwkKey(kid);
    return jwk ? { jwk, controller, keyId: kid, isEmbedded: false } : `${kid} is not a valid did:jwk.`;
  }
  const method = await loadVerificationMethod(ctx, kid);
  if (!method) return `The key ${kid} could not be found.`;
  const jwk = await jwkOf(method);
  if (!jwk) return `${kid} holds no public key Laurel can read.`;
  const owner = typeof method.controller === 'string' ? method.controller : controller;
  return { jwk, controller: owner, keyId: kid, isEmbedded: false };
}

async function checkSignature(
  ctx: VerifyContext,
  jws: Jws,
  token: string,
): Promise<ProofOutcome | undefined> {
  const label = 'The signature cannot be trusted';
  const alg = String(jws.header.alg);
  if (!ALGORITHMS.includes(alg)) {
    ctx.checks.fail('proof', label, `It is signed with ${alg}; Open Badges 3.0 uses RS256, ES256 or EdDSA.`);
    return undefined;
  }
  let found: FoundKey | string;
  try {
    found = await findKey(jws.header, ctx);
  } catch (error) {
    if (!(error instanceof KeyUnavailableError)) throw error;
    const { trouble } = error;
    if (trouble.isUnreachable) {
      noteUnreachable(
        ctx,
        { id: 'proof', label: "The issuer's key could not be fetched" },
        trouble.url,
        trouble.reason,
      );
    } else {
      ctx.checks.fail('proof', label, `The key could not be read: ${trouble.reason}`);
    }
    return undefined;
  }
  if (typeof found === 'string') {
    ctx.checks.fail('proof', label, found);
    return undefined;
  }
  try {
    const key = await jose.importJWK(found.jwk as jose.JWK, alg);
    await jose.compactVerify(token, key, { algorithms: [alg] });
  } catch (error) {
    const isMismatch = error instanceof jose.errors.JWSSignatureVerificationFailed;
    ctx.checks.fail(
      'proof',
      isMismatch ? 'The signature does not match' : label,
      isMismatch
        ? 'The credential was changed after it was signed, or was signed with another key.'
        : `Its key does not fit its ${alg} signature.`,
    );
    return undefined;
  }
  ctx.checks.pass(
    'proof',
    'The signature holds',
    `It is a VC-JWT signed with ${alg} and has not been changed since.`,
  );
  if (found.isEmbedded) {
    const issuer = idOf(jws.payload.iss);
    const jwkDid = `did:jwk:${Buffer.from(JSON.stringify(found.jwk)).toString('base64url')}`;
    if (issuer === jwkDid) return { controller: issuer, keyId: found.keyId };
    ctx.checks.warn(
      'issuer-key',
      'The key is not tied to the issuer',
      'It was signed with a key carried in the token itself, which nothing links to the issuer.',
    );
    return {};
  }
  return { controller: found.controller, keyId: found.keyId };
}

const secondsOf = (value: unknown) => {
  const date = parseDateTime(value);
  return date ? Math.floor(date.getTime() / 1000) : undefined;
};

/** OB 3.0 §8.2: iss, jti, sub, nbf and exp must say what the credential says. */
function checkClaims(
  ctx: VerifyContext,
  payload: Record<string, unknown>,
  credential: Record<string, unknown>,
) {
  const problems: string[] = [];
  const v2 = vcVersion(credential) !== '1.1';
  const subjectId = isRecord(credential.credentialSubject) ? credential.credentialSubject.id : undefined;
  const pairs: [string, unknown, unknown][] = [
    ['iss', payload.iss, idOf(credential.issuer)],
    ['jti', payload.jti, credential.id],
    ['sub', payload.sub, subjectId],
    ['nbf', payload.nbf, secondsOf(v2 ? credential.validFrom : credential.issuanceDate)],
    ['exp', payload.exp, secondsOf(v2 ? credential.validUntil : credential.expirationDate)],
  ];
  const missing: string[] = [];
  for (const [claim, given, expected] of pairs) {
    if (given === undefined && expected === undefined) continue;
    if (given === undefined) missing.push(claim);
    else if (given !== expected) {
      problems.push(
        `${claim} is ${JSON.stringify(given)} but the credential says ${JSON.stringify(expected ?? null)}`,
      );
    }
  }
  if (problems.length > 0) {
    ctx.checks.fail('jwt-claims', 'The token and the credential disagree', `${problems.join('; ')}.`);
  } else if (missing.length > 0) {
    ctx.checks.warn(
      'jwt-claims',
      'The token leaves out claims',
      `It has no ${missing.join(', ')} claim, which Open Badges 3.0 requires to mirror the credential.`,
    );
  } else {
    ctx.checks.pass(
      'jwt-claims',
      'The token matches the credential',
      'Its issuer, id, subject and dates agree.',
    );
  }
}

export type VcJwt = { credential: Record<string, unknown>; verify: () => Promise<ProofOutcome> };

/** Reads a VC-JWT; `verify` then checks its signature, key and claims (after the shape checks). */
export function readVcJwt(ctx: VerifyContext, token: string): VcJwt | undefined {
  const jws = parseJws(token);
  if (typeof jws === 'string') {
    ctx.checks.fail('input', 'The signed credential could not be read', jws);
    return undefined;
  }
  const credential = credentialOf(jws.payload);
  return {
    credential,
    verify: async () => {
      const outcome = await checkSignature(ctx, jws, token.trim());
      checkClaims(ctx, jws.payload, credential);
      return outcome ?? {};
    },
  };
}
