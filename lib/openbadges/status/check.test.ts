import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSafeFetcher } from '@/lib/net/safe-fetch';
import { encodeBitstring, MAX_DECODED_BYTES, MIN_LIST_BITS } from './bitstring';
import { checkCredentialStatus } from './check';
import { statusListFetchJson } from './fetch-list';
import { statusListCredential } from './list-credential';
import { didKeyStatusSigner, verifyDataIntegrity } from './test-support';
import { statusEntry } from './urls';

// Status lists served by a real local HTTP server; the test's fetchJson is a plain fetch of it.
let server: Server;
let base = '';
const documents = new Map<string, unknown>();

const fetchJson = async (url: string) => {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
};
const verifyListCredential = async (list: Record<string, unknown>) => ({
  verified: await verifyDataIntegrity(list),
});

beforeAll(async () => {
  server = createServer((req, res) => {
    const document = documents.get(req.url ?? '');
    if (document === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(document));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const badge = (
  credentialStatus: unknown,
  id = 'urn:uuid:0a4e0f1c-6a1e-4d7e-9d51-5c2d0d0e7f11',
  issuer = 'did:example:issuer',
) => ({
  id,
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: issuer, type: ['Profile'] },
  credentialStatus,
});

async function publishSignedList(path: string, revoked: number[], purpose = 'revocation') {
  const signer = await didKeyStatusSigner();
  const unsigned = statusListCredential({
    listUrl: `${base}${path}`,
    size: MIN_LIST_BITS,
    revokedIndexes: revoked,
    verificationMethod: signer.verificationMethod,
    validFrom: new Date(),
  });
  (unsigned.credentialSubject as Record<string, unknown>).statusPurpose = purpose;
  const signed = await signer.signDataIntegrity(unsigned);
  documents.set(path, signed);
  return signed;
}

describe('checking a Bitstring Status List entry', () => {
  it('says revoked for a set bit and active for its unrevoked neighbours, with a verified list', async () => {
    const list = await publishSignedList('/lists/1', [4242]);
    const ours = (index: number) =>
      badge(statusEntry(`${base}/lists/1`, index), undefined, String(list.issuer));
    expect(await checkCredentialStatus(ours(4242), { fetchJson, verifyListCredential })).toEqual({
      status: 'revoked',
      detail: expect.stringContaining('Revoked'),
    });
    for (const index of [4241, 4243, 0]) {
      expect(await checkCredentialStatus(ours(index), { fetchJson, verifyListCredential })).toMatchObject({
        status: 'active',
      });
    }
  });

  it("does not take “not revoked” from a list someone other than the badge's issuer signed", async () => {
    await publishSignedList('/lists/other', [9]);
    const theirs = (index: number) =>
      badge(statusEntry(`${base}/lists/other`, index), undefined, 'did:example:real');
    expect(await checkCredentialStatus(theirs(8), { fetchJson, verifyListCredential })).toMatchObject({
      status: 'unknown',
      detail: expect.stringContaining("not by the badge's issuer"),
    });
    expect((await checkCredentialStatus(theirs(9), { fetchJson, verifyListCredential })).status).toBe(
      'revoked',
    );
  });

  it('does not trust a list whose proof fails', async () => {
    const signed = await publishSignedList('/lists/forged', []);
    const forged = structuredClone(signed) as { credentialSubject: { encodedList: string } };
    forged.credentialSubject.encodedList = encodeBitstring(MIN_LIST_BITS, [7]);
    documents.set('/lists/forged', forged);
    const result = await checkCredentialStatus(badge(statusEntry(`${base}/lists/forged`, 7)), {
      fetchJson,
      verifyListCredential,
    });
    expect(result).toMatchObject({ status: 'unknown', detail: expect.stringContaining('cannot be trusted') });
  });

  it('reads suspension lists as suspended', async () => {
    await publishSignedList('/lists/suspension', [3], 'suspension');
    const entry = { ...statusEntry(`${base}/lists/suspension`, 3), statusPurpose: 'suspension' };
    expect((await checkCredentialStatus(badge(entry), { fetchJson, verifyListCredential })).status).toBe(
      'suspended',
    );
  });

  it('refuses a gzip bomb as unknown', async () => {
    const bomb = `u${gzipSync(new Uint8Array(MAX_DECODED_BYTES * 2)).toString('base64url')}`;
    documents.set('/lists/bomb', {
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      credentialSubject: { type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: bomb },
    });
    const result = await checkCredentialStatus(badge(statusEntry(`${base}/lists/bomb`, 1)), { fetchJson });
    expect(result).toMatchObject({ status: 'unknown', detail: expect.stringContaining('refused') });
  });

  it('answers unknown, naming the host, when the list host is down', async () => {
    const down = createServer();
    await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
    const host = `127.0.0.1:${(down.address() as AddressInfo).port}`;
    await new Promise((resolve) => down.close(resolve));
    const result = await checkCredentialStatus(badge(statusEntry(`http://${host}/lists/1`, 1)), {
      fetchJson,
    });
    expect(result).toMatchObject({ status: 'unknown', unreachableHost: host });
    expect(result.detail).toContain(host);
  });

  it('answers unknown for an index past the end, a list of the wrong purpose, and a badly formed entry', async () => {
    await publishSignedList('/lists/2', []);
    const url = `${base}/lists/2`;
    const cases = [
      statusEntry(url, MIN_LIST_BITS),
      { ...statusEntry(url, 1), statusPurpose: 'suspension' },
      { ...statusEntry(url, 1), statusListIndex: '-1' },
      { ...statusEntry(url, 1), statusListCredential: 'file:///etc/passwd' },
      { type: 'SomethingElse2030' },
    ];
    for (const entry of cases) {
      expect((await checkCredentialStatus(badge(entry), { fetchJson, verifyListCredential })).status).toBe(
        'unknown',
      );
    }
  });

  it('lets the gravest of several entries win', async () => {
    await publishSignedList('/lists/3', [10]);
    const url = `${base}/lists/3`;
    const result = await checkCredentialStatus(badge([statusEntry(url, 11), statusEntry(url, 10)]), {
      fetchJson,
    });
    expect(result.status).toBe('revoked');
  });
});

describe('checking through the SSRF-safe fetcher', () => {
  it('reads a list from an allowed origin and refuses a private address, naming its host', async () => {
    await publishSignedList('/lists/guarded', [77]);
    const guarded = statusListFetchJson(createSafeFetcher({ allowOrigins: [base] }));
    const read = await checkCredentialStatus(badge(statusEntry(`${base}/lists/guarded`, 77)), {
      fetchJson: guarded,
      verifyListCredential,
    });
    expect(read.status).toBe('revoked');

    const refused = await checkCredentialStatus(badge(statusEntry('http://10.0.0.1/lists/1', 77)), {
      fetchJson: guarded,
    });
    expect(refused).toMatchObject({ status: 'unknown', unreachableHost: '10.0.0.1' });
    expect(refused.detail).toMatch(/private or local network address/);

    const missing = await checkCredentialStatus(badge(statusEntry(`${base}/lists/none`, 1)), {
      fetchJson: guarded,
    });
    expect(missing).toMatchObject({ status: 'unknown', detail: expect.stringContaining('HTTP 404') });
  });
});

describe('checking older and other status methods', () => {
  it('reads a StatusList2021 list (VC 1.1, base64url without the multibase prefix), also from the entry id alone', async () => {
    const encodedList = gzipSync(bitsWith(MIN_LIST_BITS, [848])).toString('base64url');
    documents.set('/sl2021/5R6', {
      '@context': ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/vc/status-list/2021/v1'],
      id: `${base}/sl2021/5R6`,
      type: ['VerifiableCredential', 'StatusList2021Credential'],
      issuer: 'did:example:issuer',
      issuanceDate: '2024-01-01T00:00:00Z',
      credentialSubject: {
        id: `${base}/sl2021/5R6#list`,
        type: 'StatusList2021',
        statusPurpose: 'revocation',
        encodedList,
      },
    });
    const full = (index: number) => ({
      id: `${base}/sl2021/5R6#${index}`,
      type: 'StatusList2021Entry',
      statusPurpose: 'revocation',
      statusListIndex: String(index),
      statusListCredential: `${base}/sl2021/5R6`,
    });
    expect((await checkCredentialStatus(badge(full(848)), { fetchJson })).status).toBe('revoked');
    expect((await checkCredentialStatus(badge(full(847)), { fetchJson })).status).toBe('active');
    const idOnly = { id: `${base}/sl2021/5R6#848`, type: 'StatusList2021Entry' };
    expect((await checkCredentialStatus(badge(idOnly), { fetchJson })).status).toBe('revoked');
  });

  it('reads a 1EdTech revocation list by the badge id', async () => {
    documents.set('/revocations', {
      id: `${base}/revocations`,
      issuer: 'https://issuer.example/profile',
      revokedCredential: [
        { id: 'urn:uuid:revoked-one', revoked: true, revocationReason: 'Issued in error' },
        { id: 'urn:uuid:implicit' },
        { id: 'urn:uuid:reinstated', revoked: false },
      ],
    });
    const entry = { id: `${base}/revocations`, type: '1EdTechRevocationList' };
    const check = (id: string) => checkCredentialStatus(badge(entry, id), { fetchJson });
    expect(await check('urn:uuid:revoked-one')).toEqual({
      status: 'revoked',
      detail: expect.stringContaining('Reason: Issued in error'),
    });
    expect((await check('urn:uuid:implicit')).status).toBe('revoked');
    expect((await check('urn:uuid:reinstated')).status).toBe('active');
    expect((await check('urn:uuid:never-revoked')).status).toBe('active');
  });

  it('says there is nothing to check when the badge names no status', async () => {
    expect(await checkCredentialStatus({ id: 'urn:x' }, { fetchJson })).toEqual({
      status: 'active',
      detail: 'The badge names no status list.',
    });
  });
});

function bitsWith(size: number, indexes: number[]): Uint8Array {
  const bytes = new Uint8Array(size / 8);
  for (const i of indexes) bytes[i >> 3] = (bytes[i >> 3] ?? 0) | (0x80 >> (i & 7));
  return bytes;
}
