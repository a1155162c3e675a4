import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { getConfig } from '@/lib/config';
import { documentLoader } from '@/lib/openbadges/vc/document-loader';
import { makeIssuer } from '@/test/factories';
import { credentialForAward } from './credentials';
import { issuerDid } from './did';
import { publicIssuerDocuments } from './issuer-documents';
import { negotiateCredential } from './respond';
import { acceptedAward, resolveOwnIssuerDocument, statusNamed } from './test-support';

describe("Laurel's own did:web issuers", () => {
  it('resolve from the database, so a credential verifies without any network', async () => {
    const db = await getDb();
    const { award } = await acceptedAward(db);
    const stored = await credentialForAward(db, award.id);
    if (!stored) throw new Error('no credential');
    const loader = documentLoader(new Map(), (url) => resolveOwnIssuerDocument(db, url));
    const result = await vc.verifyCredential({
      credential: stored.json,
      suite: new DataIntegrityProof({ cryptosuite }),
      documentLoader: loader,
      checkStatus: statusNamed,
    });
    expect(result.verified).toBe(true);
  });

  it('resolve nothing for other hosts, unknown slugs and unknown keys', async () => {
    const db = await getDb();
    const { issuer } = await makeIssuer(db);
    const did = issuerDid(getConfig().appUrl, issuer.slug);
    expect(await resolveOwnIssuerDocument(db, did)).toMatchObject({ id: did });
    expect(
      await resolveOwnIssuerDocument(db, `did:web:elsewhere.example:issuers:${issuer.slug}`),
    ).toBeUndefined();
    expect(
      await resolveOwnIssuerDocument(db, issuerDid(getConfig().appUrl, 'no-such-issuer')),
    ).toBeUndefined();
    expect(await resolveOwnIssuerDocument(db, `${did}#z6MkNotAKey`)).toBeUndefined();
    expect(await publicIssuerDocuments(db, 'no-such-issuer')).toBeNull();
  });
});

describe('negotiateCredential', () => {
  it('gives the JWT only to clients that prefer it', () => {
    expect(negotiateCredential(null)).toBe('json');
    expect(negotiateCredential('application/vc+jwt')).toBe('jwt');
    expect(negotiateCredential('application/vc+ld+json')).toBe('json');
    expect(negotiateCredential('application/vc+ld+json;q=0.5, application/vc+jwt')).toBe('jwt');
    expect(negotiateCredential('application/vc+jwt;q=0.2, application/json')).toBe('json');
    expect(negotiateCredential('text/html,application/xhtml+xml,*/*;q=0.8')).toBe('json');
    expect(negotiateCredential('text/html')).toBeNull();
    expect(negotiateCredential('application/vc+jwt;q=0')).toBeNull();
  });
});
