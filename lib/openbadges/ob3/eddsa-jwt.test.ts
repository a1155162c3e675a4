import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { eq } from 'drizzle-orm';
import { decodeJwt, decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { ob3Credentials } from '@/db/schema';
import { getConfig } from '@/lib/config';
import { didWebUrl } from '@/lib/openbadges/verify/vc/keys';
import { verifyBadge } from '@/lib/openbadges/verify/verify';
import { credentialForAward } from './credentials';
import { didUrls } from './did';
import { rotateIssuerKeys } from './issuer-keys';
import { issuerSigner } from './signer';
import { acceptedAward, serveOwnSite } from './test-support';

type Json = Record<string, unknown>;
type DidDocument = { verificationMethod: (Json & { id: string })[]; assertionMethod: string[] };

let site: Awaited<ReturnType<typeof serveOwnSite>>;
beforeAll(async () => {
  site = await serveOwnSite();
});
afterAll(() => site.close());

/** Reads a JSON document the way a verifier does: through the Fetcher, from our own routes. */
async function fetchJson(url: string) {
  const resource = await site.fetch(url, { accept: 'application/json', maxBytes: 1_000_000 });
  expect(resource.status, url).toBe(200);
  return JSON.parse(new TextDecoder().decode(resource.body)) as Json;
}

/**
 * What a did:web verifier does with a VC-JWT using jose alone: resolve the `kid`'s DID to its
 * served document, require the method under assertionMethod, turn its Multikey into a JWK, verify.
 */
async function verifyWithDidDocument(jwt: string) {
  const { kid, alg } = decodeProtectedHeader(jwt);
  const didUrl = didWebUrl(String(kid));
  if (!didUrl) throw new Error(`${kid} is not a did:web`);
  const document = (await fetchJson(didUrl)) as Json & DidDocument;
  expect(document.assertionMethod).toContain(kid);
  const method = document.verificationMethod.find((m) => m.id === kid);
  expect(method).toMatchObject({ type: 'Multikey', controller: String(kid).split('#')[0] });
  const keyPair = await Ed25519Multikey.from({ publicKeyMultibase: String(method?.publicKeyMultibase) });
  const publicJwk = await Ed25519Multikey.toJwk({ keyPair });
  return jwtVerify(jwt, await importJWK(publicJwk, alg), { algorithms: ['EdDSA'], typ: 'JWT' });
}

const verify = (jwt: string) => verifyBadge({ kind: 'json', text: jwt }, { fetch: site.fetch });
const seconds = (iso: unknown) => Math.floor(Date.parse(String(iso)) / 1000);

/** The token with the badge's name changed and the original signature kept. */
function tampered(jwt: string): string {
  const [header, , signature] = jwt.split('.');
  const payload = decodeJwt(jwt);
  expect(payload.name).toBe('Linux Fundamentals');
  const edited = Buffer.from(JSON.stringify({ ...payload, name: 'Linux Mastery' })).toString('base64url');
  return [header, edited, signature].join('.');
}

async function storedFor(awardId: string) {
  const stored = await credentialForAward(await getDb(), awardId);
  if (!stored) throw new Error('no credential');
  return stored;
}

describe('the EdDSA VC-JWT of an accepted award', () => {
  it("is signed with the issuer's Ed25519 key, which its kid finds in the served DID document under assertionMethod", async () => {
    const db = await getDb();
    const { award, issued } = await acceptedAward(db);
    const { json, jwt } = await storedFor(award.id);
    const header = decodeProtectedHeader(jwt.EdDSA);
    // The key of the Data Integrity proof, named the same way.
    expect(header).toEqual({ alg: 'EdDSA', typ: 'JWT', kid: (json.proof as Json[])[0]?.verificationMethod });
    await expect(verifyWithDidDocument(jwt.EdDSA)).resolves.toBeTruthy();

    // The kid also dereferences on its own, to the same key.
    const keyId = String(header.kid).split('#')[1] ?? '';
    const keyDocument = await fetchJson(didUrls(getConfig().appUrl, issued.issuer.slug).key(keyId));
    expect(keyDocument).toMatchObject({ id: header.kid, type: 'Multikey', publicKeyMultibase: keyId });
  });

  it('carries the credential, with iss, jti, nbf and exp mirroring it: the claims of the RS256 token', async () => {
    const db = await getDb();
    const { award } = await acceptedAward(db);
    const { json, jwt } = await storedFor(award.id);
    const { proof: _proof, ...unsigned } = json;
    const issuer = json.issuer as Json;
    const payload = decodeJwt(jwt.EdDSA);
    expect(payload).toEqual({
      ...unsigned,
      iss: issuer.id,
      jti: json.id,
      nbf: seconds(json.validFrom),
      exp: seconds(json.validUntil),
    });
    expect(payload.exp).toBe(Math.floor((award.expiresAt?.getTime() ?? 0) / 1000));
    // The learner is a salted hash, not an id: there is no subject id for `sub` to mirror.
    expect((json.credentialSubject as Json).id).toBeUndefined();
    expect(payload.sub).toBeUndefined();
    expect(payload).toEqual(decodeJwt(jwt.RS256));
  });

  it("verifies with Laurel's own verifier, every check passing; a tampered copy does not", async () => {
    const db = await getDb();
    const { award } = await acceptedAward(db);
    const { jwt } = await storedFor(award.id);
    const report = await verify(jwt.EdDSA);
    expect(report.checks.filter((check) => check.status !== 'pass' && check.status !== 'skip')).toEqual([]);
    expect(report.verdict).toBe('valid');
    expect(report.checks.find((check) => check.id === 'proof')?.detail).toContain('EdDSA');
    expect(report.checks.find((check) => check.id === 'jwt-claims')?.status).toBe('pass');

    const forged = tampered(jwt.EdDSA);
    const refused = await verify(forged);
    expect(refused.verdict).toBe('invalid');
    expect(refused.checks.find((check) => check.id === 'proof')?.label).toBe('The signature does not match');
    await expect(verifyWithDidDocument(forged)).rejects.toThrow();
  });

  it('after a key rotation, new tokens use the new key and earlier ones still verify', async () => {
    const db = await getDb();
    const first = await acceptedAward(db);
    const before = await storedFor(first.award.id);
    await rotateIssuerKeys(db, first.issued.issuer.id);
    const second = await acceptedAward(db, first.issued);
    const after = await storedFor(second.award.id);

    const kidOf = (jwt: string) => decodeProtectedHeader(jwt).kid;
    expect(kidOf(after.jwt.EdDSA)).not.toBe(kidOf(before.jwt.EdDSA));
    expect(kidOf(after.jwt.EdDSA)).toBe((await issuerSigner(db, first.issued.issuer.id)).verificationMethod);
    for (const jwt of [before.jwt.EdDSA, after.jwt.EdDSA]) {
      await expect(verifyWithDidDocument(jwt)).resolves.toBeTruthy();
      expect((await verify(jwt)).verdict).toBe('valid');
    }
  });

  it('is added once, with the current key, to a credential kept before the EdDSA form existed', async () => {
    const db = await getDb();
    const { award, issued } = await acceptedAward(db);
    const kept = await storedFor(award.id);
    await rotateIssuerKeys(db, issued.issuer.id);
    await db.update(ob3Credentials).set({ jwtEdDsa: null }).where(eq(ob3Credentials.awardId, award.id));

    const [a, b] = await Promise.all([storedFor(award.id), storedFor(award.id)]);
    expect(a.jwt.EdDSA).toBe(b.jwt.EdDSA);
    expect(a.json).toEqual(kept.json);
    expect(a.jwt.RS256).toBe(kept.jwt.RS256);
    const [row] = await db.select().from(ob3Credentials).where(eq(ob3Credentials.awardId, award.id));
    expect(row?.jwtEdDsa).toBe(a.jwt.EdDSA);

    // Signed now, by the current key (not the retired one of the Data Integrity proof); it still verifies.
    const signer = await issuerSigner(db, issued.issuer.id);
    expect(decodeProtectedHeader(a.jwt.EdDSA).kid).toBe(signer.verificationMethod);
    expect((await verify(a.jwt.EdDSA)).verdict).toBe('valid');
    // Ed25519 is deterministic: the same credential and key always make the same token.
    expect(await signer.signJwt(a.json, 'EdDSA')).toBe(a.jwt.EdDSA);
  });
});
