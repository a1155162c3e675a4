import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { issuerKeys } from '@/db/schema';
import { makeIssuer } from '@/test/factories';
import { didDocument, issuerDid } from './did';
import { currentIssuerKeys, listIssuerKeys, privateKeyOf, rotateIssuerKeys } from './issuer-keys';

describe('issuer keys', () => {
  it('are made on first need, once, even by simultaneous first uses', async () => {
    const db = await getDb();
    const { issuer } = await makeIssuer(db);
    const results = await Promise.all([1, 2, 3, 4].map(() => currentIssuerKeys(db, issuer.id)));
    const ids = new Set(results.map((keys) => `${keys.Ed25519.id}/${keys.RSA.id}`));
    expect(ids.size).toBe(1);
    const current = await db
      .select()
      .from(issuerKeys)
      .where(and(eq(issuerKeys.issuerId, issuer.id), eq(issuerKeys.isCurrent, true)));
    expect(current.map((row) => row.kind).sort()).toEqual(['Ed25519', 'RSA']);
  });

  it('keep private keys only encrypted', async () => {
    const db = await getDb();
    const { issuer } = await makeIssuer(db);
    const keys = await currentIssuerKeys(db, issuer.id);
    const ed25519 = privateKeyOf(keys.Ed25519);
    const rsa = privateKeyOf(keys.RSA);
    if (ed25519.kind !== 'Ed25519' || rsa.kind !== 'RSA') throw new Error('wrong kinds');
    const stored = JSON.stringify(await listIssuerKeys(db, issuer.id));
    expect(stored).not.toContain(ed25519.secretKeyMultibase);
    expect(stored).not.toContain(rsa.jwk.d);
    expect(stored).not.toContain(rsa.jwk.p);
    expect(keys.Ed25519.privateKeyCiphertext).toMatch(/^v2\./);
    expect(keys.Ed25519.publicKeyMultibase).toBe(ed25519.publicKeyMultibase);
    expect(keys.RSA.publicKeyJwk).toEqual({ kty: 'RSA', n: rsa.jwk.n, e: rsa.jwk.e });
  });

  it('rotate: new current keys, the old ones still listed in the DID document', async () => {
    const db = await getDb();
    const { issuer } = await makeIssuer(db);
    const before = await currentIssuerKeys(db, issuer.id);
    const { retired, added } = await rotateIssuerKeys(db, issuer.id);
    expect(retired.map((key) => key.id).sort()).toEqual([before.Ed25519.id, before.RSA.id].sort());
    const after = await currentIssuerKeys(db, issuer.id);
    expect(added.map((key) => key.id).sort()).toEqual([after.Ed25519.id, after.RSA.id].sort());
    expect(after.Ed25519.keyId).not.toBe(before.Ed25519.keyId);

    const did = issuerDid('http://localhost:3000', issuer.slug);
    const document = didDocument(did, await listIssuerKeys(db, issuer.id));
    const listed = document.verificationMethod.map((method) => method.id);
    for (const key of [before.Ed25519, before.RSA, after.Ed25519, after.RSA])
      expect(listed).toContain(`${did}#${key.keyId}`);
    expect(document.assertionMethod).toEqual(listed);
    const retiredRows = (await listIssuerKeys(db, issuer.id)).filter((key) => !key.isCurrent);
    expect(retiredRows.every((key) => key.retiredAt instanceof Date)).toBe(true);
  });
});

describe('issuerDid', () => {
  it('percent-encodes the port and turns the path into colons', () => {
    expect(issuerDid('http://localhost:3000', 'acme')).toBe('did:web:localhost%3A3000:issuers:acme');
    expect(issuerDid('https://badges.example.org', 'acme')).toBe('did:web:badges.example.org:issuers:acme');
    expect(issuerDid('https://example.org/laurel', 'acme')).toBe('did:web:example.org:laurel:issuers:acme');
  });
});
