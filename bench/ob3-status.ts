/**
 * The status half of bench:ob3: verifying a credential that carries a BitstringStatusListEntry,
 * its list a BitstringStatusListCredential signed by the same did:key, answered from memory as
 * our own server answers it (Cache-Control max-age=60). Two comparisons with the bare library
 * (@digitalbazaar/vc + @digitalbazaar/vc-bitstring-status-list), see bench/README.md:
 *   warm:    Laurel with the public verifier's status list cache, warmed by the warm-up rounds (no
 *            fetch and no list proof check per verification) vs the bare checkStatus reading the
 *            list from memory without re-verifying it (verifyBitstringStatusListCredential: false);
 *   checked: no cache, the list's proof checked on every verification, on both sides.
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import type { Fetcher } from '@/lib/net/types';
import { MIN_LIST_BITS } from '@/lib/openbadges/status/bitstring';
import { createStatusListCache } from '@/lib/openbadges/status/list-cache';
import { type StatusListSigner, statusListCredential } from '@/lib/openbadges/status/list-credential';
import { statusEntry } from '@/lib/openbadges/status/urls';
import { documentLoader } from '@/lib/openbadges/vc/document-loader';
import { badgeCredential } from '@/lib/openbadges/verify/vc/test-support';
import { verifyBadge } from '@/lib/openbadges/verify/verify';

const LIST_URL = 'https://status.bench.example/ob/v3/status/bench/1';
const INDEX = 4242;

type Compare = typeof import('./ob3').compare;

export async function benchStatus(input: { signer: StatusListSigner; did: string; compare: Compare }) {
  const { signer, did, compare } = input;
  const list = await signer.signDataIntegrity(
    statusListCredential({
      listUrl: LIST_URL,
      size: MIN_LIST_BITS,
      // Some revoked neighbours, so the list is not all zeros.
      revokedIndexes: [7, 4241, 4243, 90_000],
      verificationMethod: signer.verificationMethod,
      validFrom: new Date(),
    }),
  );
  const listBody = new TextEncoder().encode(JSON.stringify(list));
  let fetches = 0;
  const fetch: Fetcher = async (url) => {
    if (url !== LIST_URL) throw new Error(`unexpected fetch of ${url}`);
    fetches++;
    return {
      url,
      finalUrl: url,
      redirected: false,
      status: 200,
      contentType: 'application/vc+ld+json',
      cacheControl: 'public, max-age=60',
      body: listBody,
    };
  };
  const signed = await signer.signDataIntegrity(
    badgeCredential(did, { credentialStatus: statusEntry(LIST_URL, INDEX) }),
  );
  const text = JSON.stringify(signed);

  const cache = createStatusListCache();
  const ours = async (options: { cached: boolean }) => {
    const report = await verifyBadge(
      { kind: 'json', text },
      { fetch, ...(options.cached ? { statusLists: cache } : {}) },
    );
    const revoked = report.checks.find((c) => c.id === 'revoked');
    if (report.verdict !== 'valid' || revoked?.status !== 'pass')
      throw new Error(`Laurel did not verify the credential: ${JSON.stringify(report.checks)}`);
  };
  // The bare side reads the list as a parsed object from memory: as warm as it gets.
  const loader = documentLoader(new Map([[LIST_URL, list]]));
  const bare = async (verifyList: boolean) => {
    const result = await vc.verifyCredential({
      credential: JSON.parse(text),
      suite: new DataIntegrityProof({ cryptosuite }),
      documentLoader: loader,
      checkStatus: (options) => checkStatus({ ...options, verifyBitstringStatusListCredential: verifyList }),
    });
    const statusResult = (result as { statusResult?: { results?: { status: unknown }[] } }).statusResult;
    if (!result.verified || statusResult?.results?.[0]?.status !== false)
      throw new Error(`bare verify failed: ${JSON.stringify(result)}`);
  };

  const fetchesBefore = fetches;
  const warm = await compare(
    {
      bare: 'verify + status, bare, list in memory (trusted)',
      ours: 'verify + status, Laurel, warm list cache',
    },
    () => bare(false),
    () => ours({ cached: true }),
  );
  // Only the first warm-up round may fetch (the cache lives 60 s; a run takes a few seconds).
  if (fetches - fetchesBefore > 1)
    throw new Error(`the status list was fetched ${fetches - fetchesBefore} times with a warm cache`);
  const checked = await compare(
    {
      bare: 'verify + status, bare, list proof checked',
      ours: 'verify + status, Laurel, no cache (proof checked)',
    },
    () => bare(true),
    () => ours({ cached: false }),
  );
  return { warm, checked };
}
