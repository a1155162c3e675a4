import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { publicFixture } from '@/test/conformance/public-fixtures';
import { readPngBadge } from './png';
import { bakeSvg, readSvgBadge } from './svg';
import { assertion, independentSvgRead } from './test-images';
import { unbake } from './unbake';

// The 1EdTech sample images, read in place from LAUREL_FIXTURES.
const sample = (file: string) => readFileSync(publicFixture('openbadges', file));

describe('the 1EdTech sample images', () => {
  it('reads the OB 2.0 sample badge PNG', () => {
    const badge = readPngBadge(sample('ob20/simple-badge.png'));
    if (badge.version !== '2.0') throw new Error('the 2.0 sample was read as 3.0');
    expect(JSON.parse(badge.payload)).toMatchObject({
      type: 'Assertion',
      id: 'https://example.org/beths-robotics-badge.json',
    });
    expect(badge.warnings).toEqual([]);
    const result = unbake(sample('ob20/simple-badge.png'), 'simple-badge.png');
    if (result.version !== '2.0') throw new Error('the 2.0 sample was read as 3.0');
    expect(result.format).toBe('png');
    expect(JSON.parse(result.payload)).toMatchObject({ type: 'Assertion', verification: { type: 'hosted' } });
    expect(result.warnings).toEqual([]);
  });

  it('reads the OB 3.0 samples, JSON and JWT, PNG and SVG, as 3.0 credentials', () => {
    const expected = {
      'simple-json': { credential: expect.stringContaining('"OpenBadgeCredential"') },
      'simple-jwt': { jwt: expect.stringMatching(/^eyJ[\w-]*\.[\w-]+\.[\w-]+$/) },
      'simple-jwt_v1': { jwt: expect.stringMatching(/^eyJ[\w-]*\.[\w-]+\.[\w-]+$/) },
    };
    for (const [name, payload] of Object.entries(expected)) {
      const png = unbake(sample(`ob30/${name}.png`));
      const svg = unbake(sample(`ob30/${name}.svg`));
      expect(png).toEqual({ format: 'png', version: '3.0', ...payload, warnings: [] });
      expect(svg).toEqual({ format: 'svg', version: '3.0', ...payload, warnings: [] });
    }
    // The same credential in both JSON images (their text differs only in whitespace).
    const credential = (file: string) => {
      const found = unbake(sample(`ob30/${file}`));
      return 'credential' in found ? JSON.parse(found.credential) : undefined;
    };
    expect(credential('simple-json.svg')).toEqual(credential('simple-json.png'));
    expect(credential('simple-json.png')).toMatchObject({ id: 'http://example.com/credentials/3527' });
    expect(readSvgBadge(sample('ob30/simple-json.svg').toString('utf8'))).toMatchObject({ version: '3.0' });
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
