import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { describe, expect, it } from 'vitest';
import { OB_CONTEXT, VC_V2_CONTEXT } from './contexts';
import { documentLoader, UnresolvableDocumentError } from './document-loader';

async function didKeySigner() {
  const generated = await Ed25519Multikey.generate();
  const did = `did:key:${generated.publicKeyMultibase}`;
  const exported = await generated.export({ publicKey: true, secretKey: true });
  return Ed25519Multikey.from({ ...exported, id: `${did}#${generated.publicKeyMultibase}`, controller: did });
}

const credentialFrom = (did: string) => ({
  '@context': [VC_V2_CONTEXT, OB_CONTEXT],
  id: 'urn:uuid:3f0e8f52-6a4b-4c1e-9d7e-1d2b3c4d5e6f',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: did, type: ['Profile'], name: 'Loader Test Academy' },
  validFrom: '2026-01-01T00:00:00Z',
  name: 'Loader test',
  credentialSubject: {
    type: ['AchievementSubject'],
    achievement: {
      id: 'urn:uuid:9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      type: ['Achievement'],
      name: 'Loader test',
      description: 'Signed and verified with bundled contexts only.',
      criteria: { narrative: 'Run the test.' },
    },
  },
});

describe('the offline document loader', () => {
  it('signs and verifies an OpenBadgeCredential from bundled contexts and a did:key alone', async () => {
    const key = await didKeySigner();
    const loader = documentLoader();
    const credential = credentialFrom(key.controller as string);
    const signed = await vc.issue({
      credential,
      suite: new DataIntegrityProof({ signer: key.signer(), cryptosuite }),
      documentLoader: loader,
    });
    const verified = await vc.verifyCredential({
      credential: signed,
      suite: new DataIntegrityProof({ cryptosuite }),
      documentLoader: loader,
    });
    expect(verified.verified).toBe(true);

    const tampered = { ...signed, name: 'Loader test (edited)' };
    const refused = await vc.verifyCredential({
      credential: tampered,
      suite: new DataIntegrityProof({ cryptosuite }),
      documentLoader: loader,
    });
    expect(refused.verified).toBe(false);
  });

  it('refuses any URL it does not bundle, and asks `extra` only for those', async () => {
    const asked: string[] = [];
    const loader = documentLoader(new Map([['https://issuer.example/key', { id: 'k' }]]), async (url) => {
      asked.push(url);
      return undefined;
    });
    await expect(loader('https://evil.example/context.json')).rejects.toBeInstanceOf(
      UnresolvableDocumentError,
    );
    expect((await loader('https://issuer.example/key')).document).toEqual({ id: 'k' });
    expect((await loader(OB_CONTEXT)).document).toBeTruthy();
    expect(asked).toEqual(['https://evil.example/context.json']);
  });

  it('signs a credential whose status entry uses a pre-VC-2.0 status list context', async () => {
    const key = await didKeySigner();
    const loader = documentLoader();
    const entries = [
      ['https://w3id.org/vc/status-list/2021/v1', 'StatusList2021Entry'],
      ['https://www.w3.org/ns/credentials/status/v1', 'BitstringStatusListEntry'],
    ];
    for (const [context, type] of entries) {
      const credential = {
        ...credentialFrom(key.controller as string),
        '@context': [VC_V2_CONTEXT, OB_CONTEXT, context],
        credentialStatus: {
          id: 'https://issuer.example/status/1#7',
          type,
          statusPurpose: 'revocation',
          statusListIndex: '7',
          statusListCredential: 'https://issuer.example/status/1',
        },
      };
      const signed = await vc.issue({
        credential,
        suite: new DataIntegrityProof({ signer: key.signer(), cryptosuite }),
        documentLoader: loader,
      });
      const verified = await vc.verifyCredential({
        credential: signed,
        suite: new DataIntegrityProof({ cryptosuite }),
        documentLoader: loader,
        checkStatus: async () => ({ verified: true }),
      });
      expect(verified.verified, context).toBe(true);
    }
  });
});
