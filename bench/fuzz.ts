/**
 * `npm run fuzz [count] [seed]`: thousands of mutations of baked PNGs and SVGs (Open Badges 2.0 and
 * 3.0) through `unbake`.
 * Prints the crash count and the slowest input; exits non-zero on any crash.
 */
import { readFileSync } from 'node:fs';
import { bakeCredentialPng, bakePng } from '@/lib/openbadges/bake/png';
import { bakeCredentialSvg, bakeSvg } from '@/lib/openbadges/bake/svg';
import { credential, credentialJson, jwt } from '@/lib/openbadges/bake/test-credentials';
import { assertion, makePng } from '@/lib/openbadges/bake/test-images';
import { publicFixture } from '@/test/conformance/public-fixtures';
import { formatReport, fuzzUnbake } from './fuzz-core';

const count = Number(process.argv[2] ?? 20_000);
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
const template =
  '<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="urn:x" width="8" height="8"><x:g><rect width="8" height="8"/></x:g></svg>';
const seeds = [
  { name: 'baked PNG', bytes: bakePng(await makePng(), assertion) },
  {
    name: 'baked SVG',
    bytes: new TextEncoder().encode(
      bakeSvg(template, { assertionJson: assertion, verifyUrl: 'https://laurel.test/a/1' }),
    ),
  },
  {
    name: 'signed SVG',
    bytes: new TextEncoder().encode(bakeSvg(template, { assertionJson: '', verifyUrl: 'eyJh.eyJ0.c2ln' })),
  },
  { name: 'OB 3.0 PNG (JSON)', bytes: bakeCredentialPng(await makePng(), credentialJson) },
  { name: 'OB 3.0 PNG (JWT)', bytes: bakeCredentialPng(await makePng(), jwt) },
  { name: 'OB 3.0 SVG (JSON)', bytes: new TextEncoder().encode(bakeCredentialSvg(template, credential)) },
  { name: 'OB 3.0 SVG (JWT)', bytes: new TextEncoder().encode(bakeCredentialSvg(template, jwt)) },
  // The 1EdTech sample and the real-world OB 3.0 bakes too, when LAUREL_FIXTURES names the public fixtures.
  ...(process.env.LAUREL_FIXTURES
    ? [
        {
          name: '1EdTech sample PNG',
          bytes: new Uint8Array(readFileSync(publicFixture('openbadges', 'ob20', 'simple-badge.png'))),
        },
        ...['bake-dcc-eddsa-json.png', 'bake-dcc-ed2020-json.svg', 'bake-waltid-jwt.svg'].map((file) => ({
          name: `real-world ${file}`,
          bytes: new Uint8Array(readFileSync(publicFixture('real-world-badges', 'ob3-baked', file))),
        })),
      ]
    : []),
];

const started = performance.now();
const report = fuzzUnbake({ seeds, count, seed });
console.log(`seed ${seed}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(formatReport(report));
process.exitCode = report.crashes.length > 0 ? 1 : 0;
