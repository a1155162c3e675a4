import extractChunks from 'png-chunks-extract';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { BakeError, bakePng, pngPictureOnly, readPngBadge, UnbakeError } from './png';
import {
  assertion,
  independentTextChunks,
  insertAfterIhdr,
  iTXt,
  makePng,
  rawChunk,
  tEXt,
} from './test-images';

const ITXT_HEADER = Buffer.from('openbadges\0\0\0\0\0', 'latin1');

async function pixels(png: Uint8Array) {
  return sharp(png).raw().toBuffer({ resolveWithObject: true });
}

describe('bakePng', () => {
  it('writes one uncompressed openbadges iTXt chunk right after IHDR that other readers see', async () => {
    const original = await makePng();
    const baked = bakePng(original, assertion);

    const chunks = independentTextChunks(baked);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.type).toBe('iTXt');
    expect(chunks[0]?.data.subarray(0, ITXT_HEADER.length)).toEqual(ITXT_HEADER);
    expect(chunks[0]?.data.subarray(ITXT_HEADER.length).toString('utf8')).toBe(assertion);
    expect(extractChunks(baked).map((chunk) => chunk.name)[1]).toBe('iTXt');

    const { comments } = await sharp(baked).metadata();
    expect(comments).toEqual([{ keyword: 'openbadges', text: assertion }]);
  });

  it('leaves the picture and every other byte as it was', async () => {
    const original = await makePng();
    const baked = bakePng(original, assertion);
    const chunkLength = 12 + ITXT_HEADER.length + Buffer.byteLength(assertion);
    expect(Buffer.concat([baked.subarray(0, 33), baked.subarray(33 + chunkLength)])).toEqual(
      Buffer.from(original),
    );

    const before = await pixels(original);
    const after = await pixels(baked);
    expect(after.info).toMatchObject({ width: 8, height: 8, channels: 4 });
    expect(after.data).toEqual(before.data);
  });

  it('replaces an earlier badge, including a legacy tEXt one, instead of adding a second', async () => {
    const withLegacy = insertAfterIhdr(await makePng(), tEXt('openbadges', 'https://old.example/a.json'));
    const rebaked = bakePng(bakePng(withLegacy, '{"old":true}'), assertion);
    const chunks = independentTextChunks(rebaked);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.data.subarray(ITXT_HEADER.length).toString('utf8')).toBe(assertion);
    expect(readPngBadge(rebaked)).toEqual({ version: '2.0', payload: assertion, warnings: [] });
  });

  it('keeps unrelated text chunks', async () => {
    const png = insertAfterIhdr(await makePng(), tEXt('Software', 'Laurel tests'));
    expect(independentTextChunks(bakePng(png, assertion)).map((chunk) => chunk.type)).toEqual([
      'iTXt',
      'tEXt',
    ]);
  });

  it('refuses files that are not whole PNG images', async () => {
    const png = await makePng();
    expect(() => bakePng(new Uint8Array(64).fill(7), assertion)).toThrow(BakeError);
    expect(() => bakePng(png.subarray(0, png.length - 5), assertion)).toThrow(/cut short/);
    const beforeIhdr = Buffer.concat([png.subarray(0, 8), tEXt('a', 'b'), png.subarray(8)]);
    expect(() => bakePng(beforeIhdr, assertion)).toThrow(/header/);
  });
});

describe('readPngBadge', () => {
  it('reads a legacy tEXt chunk holding a hosted assertion URL', async () => {
    const png = insertAfterIhdr(await makePng(), tEXt('openbadges', 'https://issuer.example/assertions/9'));
    expect(readPngBadge(png)).toEqual({
      version: '2.0',
      payload: 'https://issuer.example/assertions/9',
      warnings: [],
    });
  });

  it('reads a compressed iTXt chunk but warns that the standard forbids it', async () => {
    const png = insertAfterIhdr(await makePng(), iTXt('openbadges', assertion, { isCompressed: true }));
    const badge = readPngBadge(png);
    expect(badge).toMatchObject({ version: '2.0', payload: assertion });
    expect(badge.warnings).toEqual([expect.stringMatching(/compressed/)]);
  });

  it('explains what is wrong with images it cannot read', async () => {
    const png = await makePng();
    const baked = bakePng(png, assertion);
    const badCrc = Buffer.from(baked);
    badCrc[60] = (badCrc[60] ?? 0) ^ 0x01; // inside the badge text
    const cases: [Uint8Array, string | RegExp][] = [
      [new Uint8Array(200).map((_, i) => (i * 37) % 256), 'This file is not a PNG image'],
      [baked.subarray(0, baked.length - 20), /cut short/],
      [badCrc, /checksum/],
      [png, 'This image has no Open Badge inside it'],
      [
        insertAfterIhdr(png, iTXt('openbadges', assertion), tEXt('openbadges', 'https://x.example/a')),
        'This image holds more than one badge, which the standard forbids',
      ],
      [insertAfterIhdr(png, iTXt('openbadges', assertion), iTXt('openbadgecredential', '{}')), /both/],
      [insertAfterIhdr(png, rawChunk('iTXt', Buffer.from('openbadges\0\x02\0\0\0x', 'latin1'))), /damaged/],
    ];
    for (const [bytes, message] of cases) {
      expect(() => readPngBadge(bytes)).toThrow(UnbakeError);
      expect(() => readPngBadge(bytes)).toThrow(message);
    }
  });
});

describe('pngPictureOnly', () => {
  it('drops the badge, every text chunk, EXIF and private chunks, and keeps the picture', async () => {
    const original = await makePng();
    const baked = insertAfterIhdr(
      bakePng(original, assertion),
      tEXt('Comment', 'alice@example.org'),
      iTXt('openbadgecredential', '{"credentialSubject":{"email":"alice@example.org"}}', {
        isCompressed: true,
      }),
      rawChunk('eXIf', Buffer.from('MM\0*private')),
      rawChunk('prVt', Buffer.from('anything')),
    );
    const withTail = Buffer.concat([baked, Buffer.from('after IEND: alice@example.org')]);

    const shown = pngPictureOnly(withTail);

    expect(Buffer.from(shown).includes('alice@example.org')).toBe(false);
    expect(independentTextChunks(shown)).toEqual([]);
    const names = extractChunks(shown).map((chunk) => chunk.name);
    expect(names).not.toContain('eXIf');
    expect(names).not.toContain('prVt');
    expect(names.at(-1)).toBe('IEND');
    expect(() => readPngBadge(shown)).toThrow(UnbakeError);
    const [before, after] = await Promise.all([pixels(original), pixels(shown)]);
    expect(after.info).toEqual(before.info);
    expect(after.data.equals(before.data)).toBe(true);
  });

  it('refuses what is not a PNG', () => {
    expect(() => pngPictureOnly(Buffer.from('GIF89a'))).toThrow(BakeError);
  });
});
