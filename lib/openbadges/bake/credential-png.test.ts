import extractChunks from 'png-chunks-extract';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { BakeError, bakeCredentialPng, bakePng, readPngBadge, UnbakeError } from './png';
import { credentialJson, independentBakePng, independentItxtChunks, jwt } from './test-credentials';
import { assertion, insertAfterIhdr, iTXt, makePng, tEXt } from './test-images';
import { unbake } from './unbake';

describe('bakeCredentialPng', () => {
  it('writes one uncompressed openbadgecredential iTXt chunk right after IHDR that other decoders read', async () => {
    const original = await makePng();
    const baked = bakeCredentialPng(original, credentialJson);

    const names = (png: Uint8Array) => extractChunks(png).map((chunk) => chunk.name);
    expect(names(baked)).toEqual(['IHDR', 'iTXt', ...names(original).slice(1)]);
    expect(independentItxtChunks(baked)).toEqual([
      {
        keyword: 'openbadgecredential',
        compressionFlag: false,
        compressionMethod: 0,
        languageTag: '',
        translatedKeyword: '',
        text: credentialJson,
      },
    ]);
    const before = await sharp(original).raw().toBuffer();
    expect(await sharp(baked).raw().toBuffer()).toEqual(before);
  });

  it('round-trips the JSON and the JWT forms through our unbaker', async () => {
    const png = await makePng();
    expect(unbake(bakeCredentialPng(png, credentialJson))).toEqual({
      format: 'png',
      version: '3.0',
      credential: credentialJson,
      warnings: [],
    });
    const baked = bakeCredentialPng(png, jwt);
    expect(independentItxtChunks(baked).map((chunk) => chunk.text)).toEqual([jwt]);
    expect(unbake(baked)).toEqual({ format: 'png', version: '3.0', jwt, warnings: [] });
  });

  it('replaces the credential, or a 2.0 badge, when baked again: still exactly one chunk', async () => {
    const png = insertAfterIhdr(await makePng(), tEXt('Software', 'Laurel tests'));
    const once = bakeCredentialPng(png, jwt);
    const twice = bakeCredentialPng(once, credentialJson);
    expect(bakeCredentialPng(twice, credentialJson)).toEqual(twice);
    expect(independentItxtChunks(twice).map((chunk) => [chunk.keyword, chunk.text])).toEqual([
      ['openbadgecredential', credentialJson],
    ]);
    expect(extractChunks(twice).filter((chunk) => chunk.name === 'tEXt')).toHaveLength(1);

    const fromOb2 = bakeCredentialPng(bakePng(png, assertion), jwt);
    expect(independentItxtChunks(fromOb2).map((chunk) => chunk.keyword)).toEqual(['openbadgecredential']);
    const backToOb2 = bakePng(fromOb2, assertion);
    expect(readPngBadge(backToOb2)).toMatchObject({ version: '2.0', payload: assertion });
  });

  it('refuses to bake something that is not a credential, or into something that is not a PNG', async () => {
    const png = await makePng();
    for (const text of ['', '   ', 'https://laurel.test/credentials/1', '[1,2]', '{"unclosed":', 'a.b']) {
      expect(() => bakeCredentialPng(png, text)).toThrow(BakeError);
    }
    expect(() => bakeCredentialPng(new Uint8Array(64).fill(7), credentialJson)).toThrow(
      'This file is not a PNG image',
    );
  });
});

describe('reading 3.0 credentials out of PNGs', () => {
  it('reads files baked by an independent encoder (png-chunk-itxt + png-chunks-encode)', async () => {
    const png = await makePng();
    expect(unbake(independentBakePng(png, credentialJson))).toMatchObject({ credential: credentialJson });
    expect(unbake(independentBakePng(png, jwt))).toMatchObject({ version: '3.0', jwt });
  });

  it('reads a compressed or legacy chunk with a warning', async () => {
    const png = await makePng();
    const compressed = insertAfterIhdr(
      png,
      iTXt('openbadgecredential', credentialJson, { isCompressed: true }),
    );
    expect(readPngBadge(compressed)).toEqual({
      version: '3.0',
      credential: credentialJson,
      warnings: [expect.stringMatching(/compressed/)],
    });
    const legacy = insertAfterIhdr(png, tEXt('openbadgecredential', jwt));
    expect(readPngBadge(legacy)).toMatchObject({
      jwt,
      warnings: [expect.stringMatching(/older kind of text block/)],
    });
  });

  it('explains what is wrong with a credential it cannot read', async () => {
    const png = await makePng();
    const cases: [Uint8Array, string | RegExp][] = [
      [insertAfterIhdr(png, iTXt('openbadgecredential', '{"cut": ')), /neither valid JSON nor a JWT/],
      [insertAfterIhdr(png, iTXt('openbadgecredential', 'https://x.example/c/1')), /neither valid JSON/],
      [insertAfterIhdr(png, iTXt('openbadgecredential', '  ')), /empty/],
      [
        insertAfterIhdr(png, iTXt('openbadgecredential', credentialJson), iTXt('openbadgecredential', jwt)),
        'This image holds more than one badge, which the standard forbids',
      ],
      [
        insertAfterIhdr(png, tEXt('openbadges', 'https://x.example/a'), iTXt('openbadgecredential', jwt)),
        /both/,
      ],
    ];
    for (const [bytes, message] of cases) {
      expect(() => readPngBadge(bytes)).toThrow(UnbakeError);
      expect(() => readPngBadge(bytes)).toThrow(message);
    }
  });
});
