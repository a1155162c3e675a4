import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { publicFixture } from '@/test/public-fixtures';
import { readPngBadge } from './png';
import { bakeSvg, readSvgBadge, UnbakeError } from './svg';
import { assertion, independentSvgRead } from './test-images';
import { unbake } from './unbake';

// The 1EdTech sample images, read in place from LAUREL_FIXTURES.
const sample = (file: string) => readFileSync(publicFixture('openbadges', file));
const OB3_SOON = 'This is an Open Badges 3.0 credential; 3.0 verification is coming soon';

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

  it('recognises OB 3.0 credentials in both formats and does not read them as 2.0', () => {
    expect(() => readPngBadge(sample('ob30/simple-json.png'))).toThrow(OB3_SOON);
    const svg = sample('ob30/simple-json.svg').toString('utf8');
    expect(() => readSvgBadge(svg)).toThrow(UnbakeError);
    expect(() => readSvgBadge(svg)).toThrow(OB3_SOON);
    for (const name of ['simple-json.png', 'simple-json.svg']) {
      expect(() => unbake(sample(`ob30/${name}`), name)).toThrow(OB3_SOON);
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
