import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { statusLists } from '@/db/schema';
import { revokeAward } from '@/lib/awards/revoke-award';
import { issuerSigner } from '@/lib/openbadges/ob3/signer';
import { resolveOwnIssuerDocument } from '@/lib/openbadges/ob3/test-support';
import { documentLoader } from '@/lib/openbadges/vc/document-loader';
import { makeAward, makeIssuer } from '@/test/factories';
import { decodeBitstring, MIN_LIST_BITS, readStatus } from './bitstring';
import { statusEntryFor } from './entries';
import type { StatusListSigner } from './list-credential';
import { didKeyStatusSigner, serveStatusLists, verifyDataIntegrity } from './test-support';

// The route's handler over real HTTP, on a local port.
let served: Awaited<ReturnType<typeof serveStatusLists>>;
let appUrl = '';
let signer: Awaited<ReturnType<typeof didKeyStatusSigner>>;
let signerFor: (issuerId: string) => Promise<StatusListSigner> = async () => signer;

beforeAll(async () => {
  signer = await didKeyStatusSigner();
  served = await serveStatusLists(await getDb(), (issuerId) => signerFor(issuerId));
  appUrl = served.appUrl;
});

afterAll(() => served.close());

async function fetchList(url: string) {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  const credential = (await response.json()) as Record<string, unknown> & {
    credentialSubject: { encodedList: string; statusPurpose: string; type: string; id: string };
  };
  const decoded = decodeBitstring(credential.credentialSubject.encodedList);
  if (!decoded.ok) throw new Error(decoded.reason);
  return { response, credential, bits: decoded.bytes };
}

describe('status list entries', () => {
  it('gives each award one random index of a large list, the same on every call', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const made = [];
    for (let i = 0; i < 12; i++) made.push((await makeAward(db, issued)).award);
    const entries = [];
    for (const award of made) entries.push(await statusEntryFor(db, issued.issuer.id, award.id, { appUrl }));
    const first = entries[0];
    if (!first) throw new Error('no entry');
    expect(first).toEqual({
      id: `${first.statusListCredential}#${first.statusListIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: expect.stringMatching(/^\d+$/),
      statusListCredential: expect.stringMatching(
        new RegExp(`^${appUrl}/ob/v3/status/${issued.issuer.slug}/[0-9a-f-]{36}$`),
      ),
    });
    expect(new Set(entries.map((e) => e.statusListCredential)).size).toBe(1);
    const indexes = entries.map((e) => Number(e.statusListIndex));
    expect(new Set(indexes).size).toBe(indexes.length);
    for (const index of indexes) expect(index).toBeLessThan(MIN_LIST_BITS);
    // Sequential assignment would give 0..11; random draws from 131,072 essentially never stay that low or sorted.
    expect(Math.max(...indexes)).toBeGreaterThan(1000);
    expect(indexes).not.toEqual([...indexes].sort((a, b) => a - b));

    const again = await Promise.all(
      made.slice(0, 3).map((a) => statusEntryFor(db, issued.issuer.id, a.id, { appUrl })),
    );
    expect(again).toEqual(entries.slice(0, 3));
    const [list] = await db.select().from(statusLists).where(eq(statusLists.issuerId, issued.issuer.id));
    expect(list).toMatchObject({ size: MIN_LIST_BITS, entryCount: 12 });
  });

  it('gives racing first calls for one award the same entry', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const { award } = await makeAward(db, issued);
    const raced = await Promise.all(
      Array.from({ length: 4 }, () => statusEntryFor(db, issued.issuer.id, award.id, { appUrl })),
    );
    expect(new Set(raced.map((e) => e.id)).size).toBe(1);
  });

  it("starts a new list when the issuer's list is full", async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const a = await statusEntryFor(db, issued.issuer.id, (await makeAward(db, issued)).award.id, { appUrl });
    await db.update(statusLists).set({ capacity: 1 }).where(eq(statusLists.issuerId, issued.issuer.id));
    const b = await statusEntryFor(db, issued.issuer.id, (await makeAward(db, issued)).award.id, { appUrl });
    expect(b.statusListCredential).not.toBe(a.statusListCredential);
    expect(
      await db.select().from(statusLists).where(eq(statusLists.issuerId, issued.issuer.id)),
    ).toHaveLength(2);
  });

  it("refuses another issuer's award", async () => {
    const db = await getDb();
    const mine = await makeIssuer(db);
    const theirs = await makeIssuer(db);
    const { award } = await makeAward(db, theirs);
    await expect(statusEntryFor(db, mine.issuer.id, award.id, { appUrl })).rejects.toMatchObject({
      code: 'not_found',
    });
    await statusEntryFor(db, theirs.issuer.id, award.id, { appUrl });
    await expect(statusEntryFor(db, mine.issuer.id, award.id, { appUrl })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('the served status list', () => {
  it('is a signed BitstringStatusListCredential whose bit flips as soon as the award is revoked', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const revoked = (await makeAward(db, issued)).award;
    const neighbour = (await makeAward(db, issued)).award;
    const entry = await statusEntryFor(db, issued.issuer.id, revoked.id, { appUrl });
    const other = await statusEntryFor(db, issued.issuer.id, neighbour.id, { appUrl });

    const before = await fetchList(entry.statusListCredential);
    expect(before.response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(before.response.headers.get('access-control-allow-origin')).toBe('*');
    expect(before.response.headers.get('content-type')).toContain('application/vc+ld+json');
    expect(before.credential).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: entry.statusListCredential,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: signer.did,
      credentialSubject: {
        id: `${entry.statusListCredential}#list`,
        type: 'BitstringStatusList',
        statusPurpose: 'revocation',
      },
    });
    expect(before.bits.length * 8).toBeGreaterThanOrEqual(MIN_LIST_BITS);
    expect(readStatus(before.bits, Number(entry.statusListIndex))).toBe(0);
    expect(await verifyDataIntegrity(before.credential)).toBe(true);

    // Served from the cached copy until something changes.
    const signedSoFar = signer.signCount();
    await fetchList(entry.statusListCredential);
    expect(signer.signCount()).toBe(signedSoFar);

    await revokeAward(db, { issuerId: issued.issuer.id, awardId: revoked.id, reason: 'Issued in error' });
    const after = await fetchList(entry.statusListCredential);
    expect(readStatus(after.bits, Number(entry.statusListIndex))).toBe(1);
    expect(readStatus(after.bits, Number(other.statusListIndex))).toBe(0);
    expect(after.bits.reduce((sum, byte) => sum + popcount(byte), 0)).toBe(1);
    expect(await verifyDataIntegrity(after.credential)).toBe(true);
    expect(after.response.headers.get('etag')).not.toBe(before.response.headers.get('etag'));

    const tampered = structuredClone(after.credential);
    tampered.credentialSubject.encodedList = before.credential.credentialSubject.encodedList;
    expect(await verifyDataIntegrity(tampered)).toBe(false);
  });

  it('sets the bit of an award revoked before it had an entry, even with the list already cached', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const first = await statusEntryFor(db, issued.issuer.id, (await makeAward(db, issued)).award.id, {
      appUrl,
    });
    await fetchList(first.statusListCredential);
    const late = (await makeAward(db, issued)).award;
    await revokeAward(db, { issuerId: issued.issuer.id, awardId: late.id, reason: 'Revoked before OB 3.0' });
    const entry = await statusEntryFor(db, issued.issuer.id, late.id, { appUrl });
    expect(entry.statusListCredential).toBe(first.statusListCredential);
    const { bits } = await fetchList(entry.statusListCredential);
    expect(readStatus(bits, Number(entry.statusListIndex))).toBe(1);
    expect(readStatus(bits, Number(first.statusListIndex))).toBe(0);
  });

  it('answers 404 for an unknown list, a list of another issuer, or a malformed id', async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const other = await makeIssuer(db);
    const entry = await statusEntryFor(db, issued.issuer.id, (await makeAward(db, issued)).award.id, {
      appUrl,
    });
    const listId = entry.statusListCredential.split('/').pop();
    for (const url of [
      `${appUrl}/ob/v3/status/${issued.issuer.slug}/00000000-0000-4000-8000-000000000000`,
      `${appUrl}/ob/v3/status/${other.issuer.slug}/${listId}`,
      `${appUrl}/ob/v3/status/${issued.issuer.slug}/not-a-list`,
    ]) {
      const response = await fetch(url);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it("is signed with the issuer's own key, as the route does, and verifies against its DID document", async () => {
    const db = await getDb();
    const issued = await makeIssuer(db);
    const entry = await statusEntryFor(db, issued.issuer.id, (await makeAward(db, issued)).award.id, {
      appUrl,
    });
    signerFor = (issuerId) => issuerSigner(db, issuerId);
    try {
      const { credential } = await fetchList(entry.statusListCredential);
      const own = documentLoader(new Map(), (url) => resolveOwnIssuerDocument(db, url));
      expect(credential.issuer).toMatch(/^did:web:.*:issuers:/);
      const verified = await vc.verifyCredential({
        credential,
        suite: new DataIntegrityProof({ cryptosuite }),
        documentLoader: own,
      });
      expect(verified.verified).toBe(true);
    } finally {
      signerFor = async () => signer;
    }
  });
});

function popcount(byte: number): number {
  let count = 0;
  for (let b = byte; b; b >>= 1) count += b & 1;
  return count;
}
