import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { revokeAward } from '@/lib/awards/revoke-award';
import { createSafeFetcher } from '@/lib/net/safe-fetch';
import type { Fetcher } from '@/lib/net/types';
import { statusEntryFor } from '@/lib/openbadges/status/entries';
import { createStatusListCache, MAX_AGE_MS } from '@/lib/openbadges/status/list-cache';
import type { StatusListSigner } from '@/lib/openbadges/status/list-credential';
import { didKeyStatusSigner, serveStatusLists } from '@/lib/openbadges/status/test-support';
import { makeAward, makeIssuer } from '@/test/factories';
import { verifyBadge } from '../verify';
import { badgeCredential } from './test-support';

/*
 * The public verifier's status list cache, end to end: our status list route over real HTTP
 * (Cache-Control max-age=60), credentials and list signed by one did:key, the SSRF-safe fetcher.
 */

let signer: Awaited<ReturnType<typeof didKeyStatusSigner>>;
/** What the status list route signs lists with: the issuer's signer unless a test breaks it. */
let listSigner: StatusListSigner;
let served: Awaited<ReturnType<typeof serveStatusLists>>;
let listFetches = 0;
let fetch: Fetcher;

beforeAll(async () => {
  signer = await didKeyStatusSigner();
  listSigner = signer;
  served = await serveStatusLists(await getDb(), async () => listSigner);
  const guarded = createSafeFetcher({ allowOrigins: [served.appUrl] });
  fetch = (url, options) => {
    if (url.includes('/ob/v3/status/')) listFetches++;
    return guarded(url, options);
  };
});

afterAll(() => served.close());

async function issuedBadge() {
  const db = await getDb();
  const issued = await makeIssuer(db);
  const { award } = await makeAward(db, issued);
  const entry = await statusEntryFor(db, issued.issuer.id, award.id, { appUrl: served.appUrl });
  const credential = await signer.signDataIntegrity(badgeCredential(signer.did, { credentialStatus: entry }));
  return { issued, award, text: JSON.stringify(credential) };
}

const revocation = async (text: string, statusLists: ReturnType<typeof createStatusListCache>) => {
  const report = await verifyBadge({ kind: 'json', text }, { fetch, statusLists });
  return { verdict: report.verdict, revoked: report.checks.find((check) => check.id === 'revoked') };
};

describe('status lists kept across verifications', () => {
  it('fetches a list once a minute at most, and sees a revocation once its copy is stale', async () => {
    let now = Date.now();
    const cache = createStatusListCache({ now: () => now });
    const { issued, award, text } = await issuedBadge();
    const before = listFetches;

    expect(await revocation(text, cache)).toMatchObject({
      verdict: 'valid',
      revoked: { status: 'pass', label: 'Not revoked' },
    });
    expect(await revocation(text, cache)).toMatchObject({ verdict: 'valid' });
    expect(listFetches - before).toBe(1);

    await revokeAward(await getDb(), { issuerId: issued.issuer.id, awardId: award.id, reason: 'In error' });
    // The copy the server allowed us to keep for a minute still answers…
    expect((await revocation(text, cache)).revoked?.status).toBe('pass');
    now += MAX_AGE_MS;
    // …and then the list is fetched again and says revoked.
    expect(await revocation(text, cache)).toMatchObject({
      verdict: 'invalid',
      revoked: { status: 'fail', label: 'Revoked by the issuer' },
    });
    expect(listFetches - before).toBe(2);
  });

  it('never trusts a kept list whose signature did not hold', async () => {
    const cache = createStatusListCache();
    const { text } = await issuedBadge();
    // The list is changed after it was signed: its proof no longer holds.
    listSigner = {
      verificationMethod: signer.verificationMethod,
      signDataIntegrity: async (list) => ({
        ...(await signer.signDataIntegrity(list)),
        validFrom: '2020-01-01T00:00:00Z',
      }),
    };
    try {
      for (let i = 0; i < 2; i++) {
        expect(await revocation(text, cache)).toMatchObject({
          verdict: 'warning',
          revoked: {
            status: 'warn',
            detail: expect.stringMatching(/not signed by a key Laurel could verify/),
          },
        });
      }
    } finally {
      listSigner = signer;
    }
  });
});
