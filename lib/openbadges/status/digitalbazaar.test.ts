import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { revokeAward } from '@/lib/awards/revoke-award';
import { OB_CONTEXT, VC_V2_CONTEXT } from '@/lib/openbadges/vc/contexts';
import { documentLoader } from '@/lib/openbadges/vc/document-loader';
import { makeAward, makeIssuer } from '@/test/factories';
import { checkCredentialStatus } from './check';
import { statusEntryFor } from './entries';
import { didKeyStatusSigner, serveStatusLists, verifyDataIntegrity } from './test-support';
import type { BitstringStatusListEntry } from './urls';

/*
 * Digital Bazaar's verifier with its own Bitstring Status List checker, reading our list over
 * HTTP, agrees with ours: revoked after revocation, an unrevoked neighbour in the same list still
 * verified. The badge and its list are signed by one did:key, as an issuer's key would sign both.
 */

let signer: Awaited<ReturnType<typeof didKeyStatusSigner>>;
let served: Awaited<ReturnType<typeof serveStatusLists>>;

beforeAll(async () => {
  signer = await didKeyStatusSigner();
  served = await serveStatusLists(await getDb(), async () => signer);
});

afterAll(() => served.close());

const fetchJson = async (url: string) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
};

/** Contexts and did:key offline; our status list over real HTTP. */
const loader = documentLoader(new Map(), async (url) =>
  url.startsWith(`${served.appUrl}/`) ? fetchJson(url) : undefined,
);

function badge(id: string, credentialStatus: BitstringStatusListEntry) {
  return {
    '@context': [VC_V2_CONTEXT, OB_CONTEXT],
    id: `urn:uuid:${id}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: signer.did, type: ['Profile'], name: 'Status Test Academy' },
    validFrom: '2026-01-01T00:00:00Z',
    name: 'Status test',
    credentialSubject: {
      type: ['AchievementSubject'],
      achievement: {
        id: 'urn:uuid:6f1c2b9e-0d3a-4c55-9e11-0c1a2b3c4d5e',
        type: ['Achievement'],
        name: 'Status test',
        description: 'Revocable.',
        criteria: { narrative: 'Be awarded.' },
      },
    },
    credentialStatus,
  };
}

async function verifyWithStatus(credential: Record<string, unknown>) {
  const result = await vc.verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader: loader,
    checkStatus: (options) => checkStatus({ ...options, verifyBitstringStatusListCredential: true }),
  });
  return { verified: result.verified, revoked: result.statusResult?.results?.[0]?.status, result };
}

describe('@digitalbazaar/vc with a Bitstring Status List check', () => {
  it('says revoked after revocation and keeps the neighbour in the same list verified', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const target = (await makeAward(db, issued)).award;
    const neighbour = (await makeAward(db, issued)).award;
    const options = { appUrl: served.appUrl };
    const targetEntry = await statusEntryFor(db, issued.issuer.id, target.id, options);
    const neighbourEntry = await statusEntryFor(db, issued.issuer.id, neighbour.id, options);
    expect(neighbourEntry.statusListCredential).toBe(targetEntry.statusListCredential);

    const signedTarget = await signer.signDataIntegrity(badge(target.id, targetEntry));
    const signedNeighbour = await signer.signDataIntegrity(badge(neighbour.id, neighbourEntry));
    const before = await verifyWithStatus(signedTarget);
    expect(before).toMatchObject({ verified: true, revoked: false });

    await revokeAward(db, { issuerId: issued.issuer.id, awardId: target.id, reason: 'Issued in error' });

    const after = await verifyWithStatus(signedTarget);
    expect(after.result.statusResult?.verified).toBe(true);
    expect(after.revoked).toBe(true);
    expect(await verifyWithStatus(signedNeighbour)).toMatchObject({ verified: true, revoked: false });

    const verifyListCredential = async (list: Record<string, unknown>) => ({
      verified: await verifyDataIntegrity(list),
    });
    const ours = (credential: Record<string, unknown>) =>
      checkCredentialStatus(credential, { fetchJson, verifyListCredential });
    expect((await ours(signedTarget)).status).toBe('revoked');
    expect((await ours(signedNeighbour)).status).toBe('active');
  });
});
