import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { publicFixture } from '@/test/conformance/public-fixtures';
import { decodeBitstring, readStatus } from './bitstring';
import { checkCredentialStatus } from './check';

/*
 * The Digital Credentials Consortium's status list (real-world-badges/_support/status), served
 * at the URL SUPPORT.tsv gives it, and the real credentials that point into it: index 8 revoked,
 * index 9 not, as verifier-core's own tests expect.
 */

const support = (...parts: string[]) => publicFixture('real-world-badges', '_support', ...parts);

function supportDocuments(): Map<string, unknown> {
  const rows = readFileSync(support('SUPPORT.tsv'), 'utf8').trim().split('\n').slice(1);
  const served = new Map<string, unknown>();
  for (const row of rows) {
    const [file, url] = row.split('\t');
    if (file && url) served.set(url, JSON.parse(readFileSync(support(file), 'utf8')));
  }
  return served;
}

const credential = (name: string) =>
  JSON.parse(readFileSync(publicFixture('real-world-badges', 'ob3-json', name), 'utf8')) as Record<
    string,
    unknown
  >;

describe('the DCC status list', () => {
  const served = supportDocuments();
  const fetchJson = async (url: string) => {
    const document = served.get(url);
    if (document === undefined) throw new Error(`${new URL(url).host} could not be reached`);
    return document;
  };

  it('decodes, with exactly the bits its tests revoke set', () => {
    const list = served.get(
      'https://raw.githubusercontent.com/digitalcredentials/verifier-core/refs/heads/main/src/test-fixtures/status/e5WK8CbZ1GjycuPombrj',
    ) as { credentialSubject: { encodedList: string } };
    const decoded = decodeBitstring(list.credentialSubject.encodedList);
    if (!decoded.ok) throw new Error(decoded.reason);
    const set = [];
    for (let index = 0; index < decoded.bytes.length * 8; index++)
      if (readStatus(decoded.bytes, index)) set.push(index);
    expect(decoded.bytes.length).toBe(12_500);
    expect(set).toEqual([2, 6, 8]);
  });

  it.each([
    ['dcc-v2-di-revoked.json', 'revoked'],
    ['dcc-verifiercore-v2-revoked.json', 'revoked'],
    // Its bit is clear, but the list is signed by a did:key, not by the badge's did:web issuer:
    // verifier-core reads it as active; Laurel does not take "not revoked" from another issuer.
    ['dcc-verifiercore-v2-didweb-multikey.json', 'unknown'],
  ])('reads %s as %s', async (file, status) => {
    expect((await checkCredentialStatus(credential(file), { fetchJson })).status).toBe(status);
  });

  it('reads a list that is not served as unknown, naming the host', async () => {
    const result = await checkCredentialStatus(credential('dcc-v1-di-statuslist-mit.json'), { fetchJson });
    expect(result).toMatchObject({ status: 'unknown', unreachableHost: 'digitalcredentials.github.io' });
  });
});
