import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { verifyCredential as verifyWithVerifierCore } from '@digitalcredentials/verifier-core';
import { eq } from 'drizzle-orm';
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { awards, badgeTemplates, issuers } from '@/db/schema';
import { getConfig } from '@/lib/config';
import { buildCredential } from './build-credential';
import { didKeySigner, issuerSigner } from './signer';
import { acceptedAward, servedDocuments } from './test-support';

type Json = Record<string, unknown>;

async function credentialOf(awardId: string, issuerId: string) {
  const db = await getDb();
  const [found] = await db
    .select({ award: awards, template: badgeTemplates, issuer: issuers })
    .from(awards)
    .innerJoin(badgeTemplates, eq(badgeTemplates.id, awards.templateId))
    .innerJoin(issuers, eq(issuers.id, awards.issuerId))
    .where(eq(awards.id, awardId));
  if (!found) throw new Error('no award');
  return buildCredential({ ...found, issuerId, appUrl: getConfig().appUrl });
}

const tamper = (credential: Json) => {
  const copy = structuredClone(credential) as Json & { credentialSubject: { achievement: Json } };
  copy.credentialSubject.achievement.name = 'Something else';
  return copy;
};

describe('the EdDSA VC-JWT', () => {
  it('verifies with the Ed25519 key of the DID document (Multikey → JWK); tampered fails', async () => {
    const db = await getDb();
    const { award, issued } = await acceptedAward(db);
    const signer = await issuerSigner(db, issued.issuer.id);
    const { did, documents } = await servedDocuments(db, issued);
    const jwt = await signer.signJwt(await credentialOf(award.id, did), 'EdDSA');
    const header = decodeProtectedHeader(jwt);
    expect(header).toMatchObject({ alg: 'EdDSA', typ: 'JWT', kid: signer.verificationMethod });
    const method = documents.get(String(header.kid)) as { publicKeyMultibase: string };
    const publicJwk = await Ed25519Multikey.toJwk({
      keyPair: await Ed25519Multikey.from({ publicKeyMultibase: method.publicKeyMultibase }),
    });
    const key = await importJWK(publicJwk, 'EdDSA');
    const { payload } = await jwtVerify(jwt, key);
    expect(payload.iss).toBe(did);

    const [h, , s] = jwt.split('.');
    const forged = Buffer.from(JSON.stringify({ ...payload, name: 'Forged' })).toString('base64url');
    await expect(jwtVerify([h, forged, s].join('.'), key)).rejects.toThrow();
  });
});

describe('@digitalcredentials/verifier-core, offline, did:key issuer', () => {
  it('verifies our Data Integrity signature and refuses a tampered copy', async () => {
    const db = await getDb();
    const { award } = await acceptedAward(db);
    const generated = await Ed25519Multikey.generate();
    const exported = await generated.export({ publicKey: true, secretKey: true });
    const signer = didKeySigner({
      publicKeyMultibase: exported.publicKeyMultibase,
      secretKeyMultibase: exported.secretKeyMultibase ?? '',
    });
    const did = `did:key:${exported.publicKeyMultibase}`;
    const signed = await signer.signDataIntegrity(await credentialOf(award.id, did));
    expect(signer.verificationMethod).toBe(`${did}#${exported.publicKeyMultibase}`);

    const signatureCheck = async (credential: Json) => {
      const result = await verifyWithVerifierCore({
        credential: credential as never,
        knownDIDRegistries: [],
      });
      const log = (result.log ?? []) as { id: string; valid?: boolean }[];
      return {
        valid: log.find((entry) => entry.id === 'valid_signature')?.valid,
        errors: ((result as { errors?: { name?: string }[] }).errors ?? []).map((e) => e.name),
      };
    };
    expect((await signatureCheck(signed)).valid).toBe(true);
    const refused = await signatureCheck(tamper(signed));
    expect(refused.valid === false || refused.errors.includes('invalid_signature')).toBe(true);
  });
});
