import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { publicFixture } from '@/test/public-fixtures';
import { readPngBadge } from './png';
import { bakeSvg, readSvgBadge } from './svg';
import { assertion, independentSvgRead } from './test-images';
import { unbake } from './unbake';

// The 1EdTech sample images, read in place from LAUREL_FIXTURES.
const sample = (file: string) => readFileSync(publicFixture('openbadges', file));

describe('the 1EdTech sample images', () => {
  it('reads the OB 2.0 sample badge PNG', () => {
    const { payload, warnings } = readPngBadge(sample('ob20/simple-badge.png'));
    expect(JSON.parse(payload)).toMatchObject({
      type: 'Assertion',
      id: 'https://example.org/beths-robotics-badge.json',
    });
    expect(warnings).toEqual([]);
    const result = unbake(sample('ob20/simple-badge.png'), 'simple-badge.png');
    expect(result.format).toBe('png');
    expect(JSON.parse(result.payload)).toMatchObject({ type: 'Assertion', verification: { type: 'hosted' } });
    expect(result.warnings).toEqual([]);
  });

  it('reads OB 3.0 credentials out of both formats, for the verifier to check as 3.0', () => {
    expect(JSON.parse(readPngBadge(sample('ob30/simple-json.png')).payload)).toMatchObject({
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
    });
    const svg = sample('ob30/simple-json.svg').toString('utf8');
    expect(JSON.parse(readSvgBadge(svg).json ?? '')).toMatchObject({
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
    });
    for (const name of ['simple-jwt.png', 'simple-jwt.svg']) {
      expect(unbake(sample(`ob30/${name}`), name).payload).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    }
  });

  it('replaces an OB 3.0 credential, which used the same prefix for another namespace', () => {
    const verifyUrl = 'https://laurel.test/assertions/1?format=json&v="2"';
    const baked = bakeSvg(sample('ob30/simple-json.svg').toString('utf8'), {
      assertionJson: assertion,
      verifyUrl,
    });
    expect(baked).not.toContain('openbadges:credential');
    expect(independentSvgRead(baked)).toMatchObject({ namespace: 'http://openbadges.org', json: assertion });
  });
});
