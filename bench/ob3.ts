/**
 * Open Badges 3.0 sign and verify: Laurel's full path against the bare @digitalbazaar/vc calls,
 * measured in the same run on the same credential and key (did:key, so no key is fetched).
 *   sign:   signerFor(...).signDataIntegrity (the issuer path: fresh key pair, suite, proof array)
 *           vs vc.issue with a ready key pair;
 *   verify: verifyBadge on the signed JSON (shape, contexts, proof, key owner, dates, status,
 *           recipient) vs vc.verifyCredential, first for a credential without a status entry,
 *           then for one with a BitstringStatusListEntry (see bench/README.md for the baselines).
 * Usage: npm run bench:ob3 [-- iterations]
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { didKeySigner } from '@/lib/openbadges/ob3/signer';
import { documentLoader } from '@/lib/openbadges/vc/document-loader';
import { badgeCredential } from '@/lib/openbadges/verify/vc/test-support';
import { verifyBadge } from '@/lib/openbadges/verify/verify';
import { benchStatus } from './ob3-status';
import { percentile, round } from './support';

const iterations = Number(process.argv[2] ?? 300);
const TARGET = 1.2;
const noFetch = async () => {
  throw new Error('a did:key credential needs no fetch');
};

type Stats = { mean: number; p50: number; p99: number };

function stats(samples: number[]): Stats {
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return { mean, p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

const line = (label: string, s: Stats) =>
  console.log(
    `${label.padEnd(52)} mean ${s.mean.toFixed(2)} ms  p50 ${s.p50.toFixed(2)}  p99 ${s.p99.toFixed(2)}`,
  );

/**
 * Times the bare call and ours interleaved (bare, ours, ours, bare, …), so that whatever else
 * the shared machine does lands on both alike; 30 warm-up rounds each first (JIT, contexts, caches).
 */
export async function compare(
  labels: { bare: string; ours: string },
  bare: () => Promise<unknown>,
  ours: () => Promise<unknown>,
): Promise<{ bare: Stats; ours: Stats; ratio: number }> {
  for (let i = 0; i < 30; i++) {
    await bare();
    await ours();
  }
  const samples = { bare: [] as number[], ours: [] as number[] };
  const timed = async (run: () => Promise<unknown>, into: number[]) => {
    const started = performance.now();
    await run();
    into.push(performance.now() - started);
  };
  for (let i = 0; i < iterations; i++) {
    if (i % 2 === 0) {
      await timed(bare, samples.bare);
      await timed(ours, samples.ours);
    } else {
      await timed(ours, samples.ours);
      await timed(bare, samples.bare);
    }
  }
  const result = { bare: stats(samples.bare), ours: stats(samples.ours) };
  line(labels.bare, result.bare);
  line(labels.ours, result.ours);
  return { ...result, ratio: result.ours.mean / result.bare.mean };
}

async function main() {
  const generated = await Ed25519Multikey.generate();
  const exported = await generated.export({ publicKey: true, secretKey: true });
  const did = `did:key:${generated.publicKeyMultibase}`;
  const keyPair = await Ed25519Multikey.from({
    ...exported,
    id: `${did}#${generated.publicKeyMultibase}`,
    controller: did,
  });
  const loader = documentLoader();
  const credential = badgeCredential(did);
  const ours = didKeySigner({
    publicKeyMultibase: exported.publicKeyMultibase,
    secretKeyMultibase: exported.secretKeyMultibase ?? '',
  });

  const sign = await compare(
    { bare: 'sign, bare vc.issue', ours: 'sign, Laurel signDataIntegrity' },
    () =>
      vc.issue({
        credential: structuredClone(credential),
        suite: new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite }),
        documentLoader: loader,
      }),
    () => ours.signDataIntegrity(credential),
  );

  const signed = await ours.signDataIntegrity(credential);
  const text = JSON.stringify(signed);
  const check = await verifyBadge({ kind: 'json', text }, { fetch: noFetch });
  if (check.verdict !== 'valid')
    throw new Error(`our credential did not verify: ${JSON.stringify(check.checks)}`);
  const verify = await compare(
    { bare: 'verify, bare vc.verifyCredential', ours: 'verify, Laurel verifyBadge' },
    async () => {
      const result = await vc.verifyCredential({
        credential: JSON.parse(text),
        suite: new DataIntegrityProof({ cryptosuite }),
        documentLoader: loader,
      });
      if (!result.verified) throw new Error('bare verify failed');
    },
    () => verifyBadge({ kind: 'json', text }, { fetch: noFetch }),
  );

  const status = await benchStatus({ signer: ours, did, compare });

  const ratios = {
    sign: round(sign.ratio, 2),
    verify: round(verify.ratio, 2),
    verifyWithStatusWarm: round(status.warm.ratio, 2),
    verifyWithStatusListChecked: round(status.checked.ratio, 2),
  };
  console.log('\nratios (Laurel / bare), target ≤ 1.20 except the last (reported):');
  for (const [name, ratio] of Object.entries(ratios)) console.log(`  ${name.padEnd(28)} ${ratio.toFixed(2)}`);
  const meets = ratios.sign <= TARGET && ratios.verify <= TARGET && ratios.verifyWithStatusWarm <= TARGET;
  console.log(meets ? 'TARGET MET' : 'TARGET MISSED');
  process.exitCode = meets ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
