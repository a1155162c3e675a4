/**
 * Open Badges 3.0 sign and verify: Laurel's full path against the bare @digitalbazaar/vc calls,
 * measured in the same run on the same credential and key (did:key, so nothing is fetched).
 *   sign:   signerFor(...).signDataIntegrity (the issuer path: fresh key pair, suite, proof array)
 *           vs vc.issue with a ready key pair;
 *   verify: verifyBadge on the signed JSON (shape, contexts, proof, key owner, dates, status,
 *           recipient) vs vc.verifyCredential.
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
import { percentile } from './support';

const iterations = Number(process.argv[2] ?? 300);
const noFetch = async () => {
  throw new Error('a did:key credential needs no fetch');
};

async function time(label: string, run: () => Promise<unknown>) {
  for (let i = 0; i < 30; i++) await run(); // warm up: JIT, context processing
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  console.log(
    `${label.padEnd(34)} mean ${mean.toFixed(2)} ms  p50 ${percentile(samples, 50).toFixed(2)}  p99 ${percentile(samples, 99).toFixed(2)}`,
  );
  return mean;
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

  const bareSign = await time('sign, bare vc.issue', () =>
    vc.issue({
      credential: structuredClone(credential),
      suite: new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite }),
      documentLoader: loader,
    }),
  );
  const ourSign = await time('sign, Laurel signDataIntegrity', () => ours.signDataIntegrity(credential));

  const signed = await ours.signDataIntegrity(credential);
  const text = JSON.stringify(signed);
  const check = await verifyBadge({ kind: 'json', text }, { fetch: noFetch });
  if (check.verdict !== 'valid')
    throw new Error(`our credential did not verify: ${JSON.stringify(check.checks)}`);
  const bareVerify = await time('verify, bare vc.verifyCredential', async () => {
    const result = await vc.verifyCredential({
      credential: JSON.parse(text),
      suite: new DataIntegrityProof({ cryptosuite }),
      documentLoader: loader,
    });
    if (!result.verified) throw new Error('bare verify failed');
  });
  const ourVerify = await time('verify, Laurel verifyBadge', () =>
    verifyBadge({ kind: 'json', text }, { fetch: noFetch }),
  );

  console.log(`\nsign ratio (Laurel / bare):   ${(ourSign / bareSign).toFixed(2)}  (target ≤ 1.20)`);
  console.log(`verify ratio (Laurel / bare): ${(ourVerify / bareVerify).toFixed(2)}  (target ≤ 1.20)`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
