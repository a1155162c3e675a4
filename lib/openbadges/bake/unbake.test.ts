import { describe, expect, it } from 'vitest';
import { bakePng } from './png';
import { bakeSvg } from './svg';
import { assertion, makePng } from './test-images';
import { UnbakeError, unbake } from './unbake';

const jws = 'eyJhbGciOiJSUzI1NiJ9.eyJ0eXBlIjoiQXNzZXJ0aW9uIn0.c2lnbmF0dXJl';
const svgTemplate =
  '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>';

describe('unbake', () => {
  it('round-trips a baked PNG, whatever the file is called', async () => {
    const baked = bakePng(await makePng(), assertion);
    expect(unbake(baked, 'badge.txt')).toEqual({
      format: 'png',
      version: '2.0',
      payload: assertion,
      warnings: [],
    });
  });

  it('sniffs an SVG behind a BOM, XML declaration, comment and DOCTYPE', () => {
    const baked = bakeSvg(svgTemplate, { assertionJson: assertion, verifyUrl: 'https://laurel.test/a/1' });
    const text = `\uFEFF<?xml version="1.0"?>\n<!-- badge -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n${baked}`;
    expect(unbake(new TextEncoder().encode(text))).toEqual({
      format: 'svg',
      version: '2.0',
      payload: assertion,
      warnings: [],
    });
  });

  it('returns the JWS when a signed SVG holds nothing else', () => {
    const baked = bakeSvg(svgTemplate, { assertionJson: '', verifyUrl: jws });
    expect(unbake(new TextEncoder().encode(baked))).toMatchObject({ version: '2.0', payload: jws });
  });

  it('refuses files that are neither PNG nor SVG', () => {
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
    const random = Uint8Array.from({ length: 256 }, (_, i) => (i * 131 + 7) % 256);
    const html = new TextEncoder().encode('<!doctype html><html><svg></svg></html>');
    for (const bytes of [jpeg, random, html, new Uint8Array()]) {
      expect(() => unbake(bytes)).toThrow(UnbakeError);
      expect(() => unbake(bytes)).toThrow('This file is not a PNG or SVG image');
    }
  });
});
