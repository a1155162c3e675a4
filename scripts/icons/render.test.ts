import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { markSvg } from './render';

describe('the committed icons', () => {
  it('are drawn from the current mark (run `npm run icons` after changing it)', async () => {
    expect(await readFile('app/icon.svg', 'utf8')).toBe(markSvg({ isTile: true }));
  });

  it('have the sizes browsers and the manifest ask for', async () => {
    const sizes: Record<string, number> = {
      'app/apple-icon.png': 180,
      'public/icons/icon-192.png': 192,
      'public/icons/icon-512.png': 512,
      'public/icons/maskable-512.png': 512,
    };
    for (const [file, size] of Object.entries(sizes)) {
      const { width, height, format } = await sharp(file).metadata();
      expect({ file, width, height, format }).toEqual({ file, width: size, height: size, format: 'png' });
    }
    // The touch icon has no transparent corners (iOS would paint them black).
    expect((await sharp('app/apple-icon.png').stats()).isOpaque).toBe(true);
  });

  it('ship a favicon.ico holding 16, 32 and 48 pixel images', async () => {
    const ico = await readFile('app/favicon.ico');
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 3]);
    expect([0, 1, 2].map((i) => ico.readUInt8(6 + 16 * i))).toEqual([16, 32, 48]);
  });
});
