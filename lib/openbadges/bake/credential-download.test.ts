import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { bakedCredentialDownload } from './credential-download';
import { BakeError } from './errors';
import {
  credential,
  credentialJson,
  independentItxtChunks,
  independentSvgCredentials,
  jwt,
} from './test-credentials';
import { makePng } from './test-images';
import { unbake } from './unbake';

const signed = { json: credential, jwt };
const svgImage = {
  bytes: new TextEncoder().encode(
    '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>',
  ),
  contentType: 'image/svg+xml',
};

describe('bakedCredentialDownload', () => {
  it('bakes the JSON credential, not the JWT, into the PNG', async () => {
    const png = { bytes: await makePng(), contentType: 'image/png' };
    const file = bakedCredentialDownload('png', png, signed);
    expect(file.contentType).toBe('image/png');
    expect(independentItxtChunks(file.bytes).map((chunk) => [chunk.keyword, chunk.text])).toEqual([
      ['openbadgecredential', credentialJson],
    ]);
    expect(unbake(file.bytes)).toMatchObject({ version: '3.0', credential: credentialJson });
  });

  it('bakes the JSON credential into an SVG image, or into an SVG around a PNG image', async () => {
    const png = { bytes: await makePng(), contentType: 'image/png' };
    for (const image of [svgImage, png]) {
      const file = bakedCredentialDownload('svg', image, signed);
      expect(file.contentType).toBe('image/svg+xml');
      const svg = new TextDecoder().decode(file.bytes);
      expect(independentSvgCredentials(svg).elements).toEqual([{ text: credentialJson, verify: null }]);
      const { info } = await sharp(file.bytes).png().toBuffer({ resolveWithObject: true });
      expect(info.width).toBeGreaterThan(0);
    }
  });

  it('refuses images that cannot carry a credential', async () => {
    const jpeg = { bytes: Uint8Array.from([0xff, 0xd8, 0xff]), contentType: 'image/jpeg' };
    expect(() => bakedCredentialDownload('svg', jpeg, signed)).toThrow(BakeError);
    expect(() => bakedCredentialDownload('png', svgImage, signed)).toThrow(BakeError);
  });
});
