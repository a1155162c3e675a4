import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { eq } from 'drizzle-orm';
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { ob3Credentials } from '@/db/schema';
import { getConfig } from '@/lib/config';
import { identityHash } from '@/lib/openbadges/ob2/identity';
import { documentLoader } from '@/lib/openbadges/vc/document-loader';
import { makeAward, makeIssuer } from '@/test/factories';
import { ACHIEVEMENT_CREDENTIAL_SCHEMA } from './build-credential';
import { credentialForAward } from './credentials';
import { rotateIssuerKeys } from './issuer-keys';
import { acceptedAward, servedDocuments, statusNamed } from './test-support';

type Json = Record<string, unknown>;

function verifyDataIntegrity(credential: Json, documents: Map<string, unknown>) {
  return vc.verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader: documentLoader(documents),
    checkStatus: statusNamed,
  });
}

/** What a verifier does with a VC-JWT: take the `kid`'s key from the DID document and check. */
async function verifyJwt(jwt: string, documents: Map<string, unknown>) {
  const { kid, alg } = decodeProtectedHeader(jwt);
  const method = documents.get(String(kid)) as { publicKeyJwk?: Json; publicKeyMultibase?: string };
  if (!method?.publicKeyJwk) throw new Error(`no JWK for ${kid}`);
  return jwtVerify(jwt, await importJWK(method.publicKeyJwk, alg));
}

describe('the OpenBadgeCredential of an accepted award', () => {
  it('has the OB 3.0 fields, the recipient only as a salted hash', async () => {
    const db = await getDb();
    const { award, email } = await acceptedAward(db);
    const stored = await credentialForAward(db, award.id);
    if (!stored) throw new Error('no credential');
    const c = stored.json as Json & { credentialSubject: Json & { achievement: Json; identifier: Json[] } };
    const { appUrl } = getConfig();
    expect(c['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
    ]);
    expect(c.id).toBe(`${appUrl}/ob/v3/credentials/${award.id}`);
    expect(c.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(c.issuer).toMatchObject({ type: ['Profile'], id: expect.stringMatching(/^did:web:/) });
    expect(c.validFrom).toBe(award.issuedAt.toISOString());
    expect(c.validUntil).toBe(award.expiresAt?.toISOString());
    expect(c.credentialSchema).toEqual([
      { id: ACHIEVEMENT_CREDENTIAL_SCHEMA, type: '1EdTechJsonSchemaValidator2019' },
    ]);
    expect(c.credentialSubject.type).toEqual(['AchievementSubject']);
    expect(c.credentialSubject.identifier).toEqual([
      {
        type: 'IdentityObject',
        identityHash: identityHash(email, award.recipientSalt),
        identityType: 'emailAddress',
        hashed: true,
        salt: award.recipientSalt,
      },
    ]);
    expect(c.credentialSubject.achievement).toMatchObject({
      type: ['Achievement'],
      name: 'Linux Fundamentals',
      description: 'Navigated the shell.',
      criteria: { narrative: 'Complete the lab.' },
      image: { type: 'Image', id: expect.stringMatching(/\/images\//) },
      tag: ['Linux'],
    });
    expect(c.evidence).toEqual([
      { type: ['Evidence'], id: 'https://evidence.test/lab', narrative: 'Finished the lab.' },
    ]);
    // The schema's structural demands: arrays for type, proof and credentialSchema.
    expect(Array.isArray(c.proof)).toBe(true);
    expect(c.proof).toHaveLength(1);
    for (const field of ['@context', 'id', 'type', 'issuer', 'validFrom', 'credentialSubject', 'proof'])
      expect(c).toHaveProperty([field]);

    const payloads = Object.values(stored.jwt).map((jwt) =>
      Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'),
    );
    for (const text of [JSON.stringify(c), ...Object.values(stored.jwt), ...payloads]) {
      expect(text.toLowerCase()).not.toContain(email.toLowerCase());
      expect(text).not.toContain(email.split('@')[0] ?? email);
    }
  });

  it('is signed once and kept; simultaneous first requests agree', async () => {
    const db = await getDb();
    const { award } = await acceptedAward(db);
    await db.delete(ob3Credentials).where(eq(ob3Credentials.awardId, award.id));
    const [a, b] = await Promise.all([credentialForAward(db, award.id), credentialForAward(db, award.id)]);
    expect(a?.jwt).toEqual(b?.jwt);
    expect(a?.json).toEqual(b?.json);
    expect(await db.select().from(ob3Credentials).where(eq(ob3Credentials.awardId, award.id))).toHaveLength(
      1,
    );
    expect((await credentialForAward(db, award.id))?.jwt).toEqual(a?.jwt);
  });

  it('does not exist for a pending award', async () => {
    const db = await getDb();
    const { award } = await makeAward(db, await makeIssuer(db));
    expect(await credentialForAward(db, award.id)).toBeNull();
  });
});

describe('signatures', () => {
  it('verify with @digitalbazaar/vc against the served DID documents; a tampered copy fails', async () => {
    const db = await getDb();
    const { award, issued } = await acceptedAward(db);
    const stored = await credentialForAward(db, award.id);
    if (!stored) throw new Error('no credential');
    const { did, documents } = await servedDocuments(db, issued);
    const proof = (stored.json.proof as Json[])[0];
    expect(proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' });
    expect(String(proof?.verificationMethod)).toMatch(new RegExp(`^${did}#z6Mk`));

    const result = await verifyDataIntegrity(stored.json, documents);
    expect(result.error).toBeUndefined();
    expect(result.verified).toBe(true);

    const tampered = structuredClone(stored.json) as Json & { credentialSubject: { achievement: Json } };
    tampered.credentialSubject.achievement.name = 'Linux Mastery';
    expect((await verifyDataIntegrity(tampered, documents)).verified).toBe(false);
  });

  it('earlier and later credentials both verify after a key rotation', async () => {
    const db = await getDb();
    const first = await acceptedAward(db);
    const before = await credentialForAward(db, first.award.id);
    await rotateIssuerKeys(db, first.issued.issuer.id);
    const second = await acceptedAward(db, first.issued);
    const after = await credentialForAward(db, second.award.id);
    if (!before || !after) throw new Error('no credential');
    const proofOf = (c: Json) => String((c.proof as Json[])[0]?.verificationMethod);
    expect(proofOf(after.json)).not.toBe(proofOf(before.json));
    expect(decodeProtectedHeader(after.jwt.RS256).kid).not.toBe(decodeProtectedHeader(before.jwt.RS256).kid);

    const { documents } = await servedDocuments(db, first.issued);
    expect((await verifyDataIntegrity(before.json, documents)).verified).toBe(true);
    expect((await verifyDataIntegrity(after.json, documents)).verified).toBe(true);
    await expect(verifyJwt(before.jwt.RS256, documents)).resolves.toBeTruthy();
    await expect(verifyJwt(after.jwt.RS256, documents)).resolves.toBeTruthy();
  });

  it('the RS256 VC-JWT carries the OB 3.0 claims and verifies with the DID document key; tampered fails', async () => {
    const db = await getDb();
    const { award, issued } = await acceptedAward(db);
    const stored = await credentialForAward(db, award.id);
    if (!stored) throw new Error('no credential');
    const { did, documents } = await servedDocuments(db, issued);
    const header = decodeProtectedHeader(stored.jwt.RS256);
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(String(header.kid).startsWith(`${did}#`)).toBe(true);
    const { payload } = await verifyJwt(stored.jwt.RS256, documents);
    expect(payload.iss).toBe(did);
    expect(payload.jti).toBe(stored.json.id);
    expect(payload.nbf).toBe(Math.floor(award.issuedAt.getTime() / 1000));
    expect(payload.exp).toBe(Math.floor((award.expiresAt?.getTime() ?? 0) / 1000));
    expect(payload.proof).toBeUndefined();
    expect(payload.credentialSubject).toEqual(stored.json.credentialSubject);

    const [h, p, s] = stored.jwt.RS256.split('.');
    const edited = JSON.parse(Buffer.from(p ?? '', 'base64url').toString('utf8'));
    edited.name = 'Something else';
    const tampered = [h, Buffer.from(JSON.stringify(edited)).toString('base64url'), s].join('.');
    await expect(verifyJwt(tampered, documents)).rejects.toThrow();
  });
});
