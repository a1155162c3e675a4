import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { BakeError, bakeSvg, readSvgBadge, UnbakeError } from './svg';
import { assertion, independentSvgRead as independentRead } from './test-images';

const template = `<?xml version="1.0" encoding="UTF-8"?>
<!-- drawn by hand; <svg> in a comment must not confuse anyone -->
<svg width="64" height="64" viewBox="0 0 64 64" xmlns="http://www.w3.org/2000/svg">
  <circle cx="32" cy="32" r="30" fill="#0a0"/>
</svg>`;
const verifyUrl = 'https://laurel.test/assertions/1?format=json&v="2"';
const jws = 'eyJhbGciOiJSUzI1NiJ9.eyJ0eXBlIjoiQXNzZXJ0aW9uIn0.c2lnbmF0dXJl';

describe('bakeSvg', () => {
  it('adds one assertion element that another XML parser reads back, and still renders', async () => {
    const baked = bakeSvg(template, { assertionJson: assertion, verifyUrl });
    expect(independentRead(baked)).toEqual({
      namespace: 'http://openbadges.org',
      verify: verifyUrl,
      json: assertion,
    });
    expect(baked).toMatch(/<svg [^>]*><openbadges:assertion verify=/);
    expect(readSvgBadge(baked)).toEqual({ version: '2.0', json: assertion, verify: verifyUrl });
    const { info } = await sharp(Buffer.from(baked)).png().toBuffer({ resolveWithObject: true });
    expect(info).toMatchObject({ width: 64, height: 64 });
  });

  it('keeps JSON containing "]]>" inside the CDATA section', () => {
    const json = '{"narrative":"a]]>b]]>"}';
    const baked = bakeSvg(template, { assertionJson: json, verifyUrl });
    expect(independentRead(baked).json).toBe(json);
    expect(readSvgBadge(baked)).toMatchObject({ json });
  });

  it('replaces an existing badge instead of adding a second one', () => {
    const once = bakeSvg(template, { assertionJson: '{"old":true}', verifyUrl: 'https://old.example/1' });
    const twice = bakeSvg(once, { assertionJson: assertion, verifyUrl });
    expect(twice.match(/<openbadges:assertion/g)).toHaveLength(1);
    expect(twice.match(/xmlns:openbadges=/g)).toHaveLength(1);
    expect(independentRead(twice)).toMatchObject({ verify: verifyUrl, json: assertion });
  });

  it('replaces an assertion whose own text holds its closing tag and a lookalike in a comment', () => {
    const tricky = JSON.stringify({ narrative: 'ends with </openbadges:assertion> and ]]>' });
    const commented = template.replace('<circle', '<!-- <openbadges:assertion verify="x"> --><circle');
    const once = bakeSvg(commented, { assertionJson: tricky, verifyUrl });
    const twice = bakeSvg(once, { assertionJson: assertion, verifyUrl });
    expect(independentRead(twice)).toMatchObject({ verify: verifyUrl, json: assertion });
    expect(twice).toContain('<!-- <openbadges:assertion verify="x"> -->');
    expect(twice).not.toContain('ends with');
  });

  it('bakes the signed form as an empty element carrying the JWS', () => {
    const baked = bakeSvg(template, { assertionJson: '', verifyUrl: jws });
    expect(baked).toContain(`<openbadges:assertion verify="${jws}"/>`);
    expect(readSvgBadge(baked)).toEqual({ version: '2.0', verify: jws });
  });

  it('handles a self-closing root', () => {
    const baked = bakeSvg('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>', {
      assertionJson: assertion,
      verifyUrl,
    });
    expect(independentRead(baked).json).toBe(assertion);
  });

  it('refuses input that is not an SVG document', () => {
    expect(() => bakeSvg('<html><svg></svg></html>', { assertionJson: assertion, verifyUrl })).toThrow(
      BakeError,
    );
    expect(() => bakeSvg('just text', { assertionJson: assertion, verifyUrl })).toThrow(
      'This file is not an SVG image',
    );
    expect(() => bakeSvg('<svg><g></svg>', { assertionJson: assertion, verifyUrl })).toThrow(/not valid XML/);
  });
});

describe('readSvgBadge', () => {
  it('matches the element by namespace, whatever the prefix and attribute order', () => {
    const svg = `<svg xmlns:ob='http://openbadges.org' xmlns="http://www.w3.org/2000/svg">
      <!-- <openbadges:assertion verify="https://decoy.example"/> -->
      <g><ob:assertion data-x="1" verify='${jws}'/></g></svg>`;
    expect(readSvgBadge(svg)).toEqual({ version: '2.0', verify: jws });
  });

  it('lets the element body win over the verify attribute, and trims it', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">
      <openbadges:assertion verify="${'https://a.example/1'}">
        <![CDATA[ {"a":1} ]]>
      </openbadges:assertion></svg>`;
    expect(readSvgBadge(svg)).toEqual({ version: '2.0', json: '{"a":1}', verify: 'https://a.example/1' });
  });

  it('never expands entities from a DOCTYPE, and refuses external ones', () => {
    const svg = (entity: string) => `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x ${entity}>]>
      <svg xmlns:openbadges="http://openbadges.org"><openbadges:assertion>&x;</openbadges:assertion></svg>`;
    expect(readSvgBadge(svg('"{}"'))).toEqual({ version: '2.0', json: '&x;' });
    expect(() => readSvgBadge(svg('SYSTEM "file:///etc/passwd"'))).toThrow(/external entities/);
  });

  it('explains what is wrong with images it cannot read', () => {
    const ns = 'xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"';
    const cases: [string, string | RegExp][] = [
      ['{"type":"Assertion"}', 'This file is not an SVG image'],
      [`<svg ${ns}><circle r="1"/></svg>`, 'This image has no Open Badge inside it'],
      [`<svg ${ns}><g><openbadges:assertion verify="x"</g></svg>`, /not valid XML/],
      [
        `<svg ${ns}><openbadges:assertion verify="a"/><openbadges:assertion verify="b"/></svg>`,
        'This image holds more than one badge, which the standard forbids',
      ],
      [`<svg ${ns}><openbadges:assertion> </openbadges:assertion></svg>`, /empty/],
    ];
    for (const [svg, message] of cases) {
      expect(() => readSvgBadge(svg)).toThrow(UnbakeError);
      expect(() => readSvgBadge(svg)).toThrow(message);
    }
  });
});
