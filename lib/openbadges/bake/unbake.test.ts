import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bakePng } from './png';
import { bakeSvg } from './svg';
import { assertion, FIXTURES, makePng } from './test-images';
import { UnbakeError, unbake } from './unbake';

const jws = 'eyJhbGciOiJSUzI1NiJ9.eyJ0eXBlIjoiQXNzZXJ0aW9uIn0.c2lnbmF0dXJl';
const svgTemplate =
  '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>';

describe('unbake', () => {
  it('reads the OB 2.0 sample badge PNG', () => {
    const result = unbake(readFileSync(`${FIXTURES}/ob20/simple-badge.png`), 'simple-badge.png');
    expect(result.format).toBe('png');
    expect(JSON.parse(result.payload)).toMatchObject({ type: 'Assertion', verification: { type: 'hosted' } });
    expect(result.warnings).toEqual([]);
  });

  it('round-trips a baked PNG, whatever the file is called', async () => {
    const baked = bakePng(await makePng(), assertion);
    expect(unbake(baked, 'badge.txt')).toEqual({ format: 'png', payload: assertion, warnings: [] });
  });

  it('sniffs an SVG behind a BOM, XML declaration, comment and DOCTYPE', () => {
    const baked = bakeSvg(svgTemplate, { assertionJson: assertion, verifyUrl: 'https://laurel.test/a/1' });
    const text = `\uFEFF<?xml version="1.0"?>\n<!-- badge -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n${baked}`;
    expect(unbake(new TextEncoder().encode(text))).toEqual({
      format: 'svg',
      payload: assertion,
      warnings: [],
    });
  });

  it('returns the JWS when a signed SVG holds nothing else', () => {
    const baked = bakeSvg(svgTemplate, { assertionJson: '', verifyUrl: jws });
    expect(unbake(new TextEncoder().encode(baked)).payload).toBe(jws);
  });

  it('recognises OB 3.0 credentials in both formats', () => {
    for (const name of ['simple-json.png', 'simple-json.svg']) {
      expect(() => unbake(readFileSync(`${FIXTURES}/ob30/${name}`), name)).toThrow(
        'This is an Open Badges 3.0 credential; 3.0 verification is coming soon',
      );
    }
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
