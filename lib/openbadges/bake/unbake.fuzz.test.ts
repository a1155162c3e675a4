import { describe, expect, it } from 'vitest';
import { formatReport, fuzzUnbake } from '../../../bench/fuzz-core';
import { bakeCredentialPng, bakePng } from './png';
import { bakeCredentialSvg, bakeSvg } from './svg';
import { credential, jwt } from './test-credentials';
import { assertion, makePng } from './test-images';

const template =
  '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>';

describe('unbake under mutation fuzzing', () => {
  it('unbakes or refuses with UnbakeError every mutation of our baked PNG and SVG (2.0 and 3.0), quickly', async () => {
    const seeds = [
      { name: 'baked PNG', bytes: bakePng(await makePng(), assertion) },
      {
        name: 'baked SVG',
        bytes: new TextEncoder().encode(
          bakeSvg(template, { assertionJson: assertion, verifyUrl: 'https://laurel.test/a/1' }),
        ),
      },
      { name: 'OB 3.0 PNG (JWT)', bytes: bakeCredentialPng(await makePng(), jwt) },
      { name: 'OB 3.0 SVG (JSON)', bytes: new TextEncoder().encode(bakeCredentialSvg(template, credential)) },
    ];
    const started = performance.now();
    const report = fuzzUnbake({ seeds, count: 800, seed: 20261206 });
    console.info(formatReport(report));
    expect(report.crashes).toEqual([]);
    expect(report.inputs).toBe(800);
    // Some mutations leave the badge intact, most break it: both paths are exercised.
    expect(report.unbaked).toBeGreaterThan(0);
    expect(report.refused).toBeGreaterThan(0);
    expect(report.slowest.ms).toBeLessThan(500);
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
