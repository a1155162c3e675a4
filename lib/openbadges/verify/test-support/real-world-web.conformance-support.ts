/** The real-world badge corpus and a stub of the web its badges link to (see real-world.conformance.test.ts). */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { isPublicAddress, unbracket } from '@/lib/net/address-policy';
import { FetchError, type Fetcher, unreachableError } from '@/lib/net/types';
import { publicFixture } from '@/test/conformance/public-fixtures';

export const folder = (...parts: string[]) => publicFixture('real-world-badges', ...parts);

function supportDocuments(): Map<string, string> {
  const rows = readFileSync(folder('_support', 'SUPPORT.tsv'), 'utf8').trim().split('\n').slice(1);
  return new Map(rows.map((row) => row.split('\t')).map(([file = '', url = '']) => [url, file]));
}

/** A host literal the address policy refuses, or `localhost`; names are never resolved here. */
export function isPrivateHost(url: string): boolean {
  const host = unbracket(new URL(url).hostname);
  return host === 'localhost' || host.endsWith('.localhost') || (isIP(host) !== 0 && !isPublicAddress(host));
}

export type StubWeb = { fetch: Fetcher; served: string[] };

export function stubWeb(): StubWeb {
  const documents = supportDocuments();
  const served: string[] = [];
  const fetch: Fetcher = async (url) => {
    if (isPrivateHost(url)) {
      throw new FetchError(`${url} could not be fetched: the address is a private or local network address`);
    }
    const file = documents.get(url);
    if (!file) throw unreachableError(`${new URL(url).host} could not be reached (DNS lookup failed)`);
    served.push(url);
    const body = new Uint8Array(readFileSync(folder('_support', file)));
    return { url, finalUrl: url, redirected: false, status: 200, contentType: 'application/json', body };
  };
  return { fetch, served };
}
