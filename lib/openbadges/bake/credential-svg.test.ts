import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { BakeError, bakeCredentialSvg, bakeSvg, readSvgBadge, UnbakeError } from './svg';
import { credential, credentialJson, independentSvgCredentials, jwt } from './test-credentials';
import { assertion } from './test-images';
import { unbake } from './unbake';

const OB3_NS = 'https://purl.imsglobal.org/ob/v3p0';
const template = `<?xml version="1.0" encoding="UTF-8"?>
<!-- <openbadges:credential> in a comment must not confuse anyone -->
<svg width="64" height="64" viewBox="0 0 64 64" xmlns="http://www.w3.org/2000/svg">
  <circle cx="32" cy="32" r="30" fill="#0a0"/>
</svg>`;
const encode = (text: string) => new TextEncoder().encode(text);

describe('bakeCredentialSvg', () => {
  it('puts the JSON credential in CDATA as the first child, which another XML parser reads back', async () => {
    const baked = bakeCredentialSvg(template, credential);
    expect(independentSvgCredentials(baked)).toEqual({
      isFirstChild: true,
      prefixNamespace: OB3_NS,
      elements: [{ text: credentialJson, verify: null }],
    });
    // The credential's own "]]>" is split across two CDATA sections, and nothing ends the element early.
    expect(baked).toContain(']]]]><![CDATA[>');
    expect(JSON.parse(independentSvgCredentials(baked).elements[0]?.text ?? '')).toEqual(credential);
    const { info } = await sharp(Buffer.from(baked)).png().toBuffer({ resolveWithObject: true });
    expect(info).toMatchObject({ width: 64, height: 64 });
  });

  it('puts a JWT in the verify attribute of an empty element', () => {
    const baked = bakeCredentialSvg(template, jwt);
    expect(baked).toMatch(/<svg [^>]*><openbadges:credential verify="[^"]+"\/>/);
    expect(independentSvgCredentials(baked).elements).toEqual([{ text: '', verify: jwt }]);
  });

  it('round-trips both forms through our unbaker', () => {
    expect(unbake(encode(bakeCredentialSvg(template, credential)))).toEqual({
      format: 'svg',
      version: '3.0',
      credential: credentialJson,
      warnings: [],
    });
    expect(unbake(encode(bakeCredentialSvg(template, jwt)))).toEqual({
      format: 'svg',
      version: '3.0',
      jwt,
      warnings: [],
    });
  });

  it('replaces the element, or a 2.0 assertion, when baked again: still exactly one', () => {
    const once = bakeCredentialSvg(template, jwt);
    const twice = bakeCredentialSvg(once, credential);
    expect(bakeCredentialSvg(twice, credential)).toBe(twice);
    expect(twice.match(/xmlns:openbadges=/g)).toHaveLength(1);
    expect(independentSvgCredentials(twice).elements).toEqual([{ text: credentialJson, verify: null }]);

    const fromOb2 = bakeCredentialSvg(
      bakeSvg(template, { assertionJson: assertion, verifyUrl: 'https://a.test/1' }),
      jwt,
    );
    expect(fromOb2).not.toContain('openbadges:assertion');
    expect(readSvgBadge(fromOb2)).toEqual({ version: '3.0', jwt });
    const backToOb2 = bakeSvg(fromOb2, { assertionJson: assertion, verifyUrl: 'https://a.test/1' });
    expect(independentSvgCredentials(backToOb2).elements).toEqual([]);
    expect(backToOb2).toContain('<!-- <openbadges:credential> in a comment must not confuse anyone -->');
    expect(readSvgBadge(backToOb2)).toMatchObject({ version: '2.0', json: assertion });
  });

  it('handles a self-closing root and refuses what is not a credential', () => {
    const baked = bakeCredentialSvg(
      '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>',
      credential,
    );
    expect(independentSvgCredentials(baked).elements[0]?.text).toBe(credentialJson);
    for (const bad of ['', credentialJson, 'https://laurel.test/credentials/1']) {
      expect(() => bakeCredentialSvg(template, bad)).toThrow(BakeError);
    }
    expect(() => bakeCredentialSvg('<html/>', credential)).toThrow('This file is not an SVG image');
  });
});

describe('reading 3.0 credentials out of SVGs', () => {
  it('matches the element by namespace, whatever the prefix, and ignores lookalikes in comments', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:c="${OB3_NS}">
      <!-- <openbadges:credential verify="decoy.decoy.decoy"/> -->
      <c:credential>
        <![CDATA[${credentialJson.replaceAll(']]>', ']]]]><![CDATA[>')}]]>
      </c:credential></svg>`;
    expect(readSvgBadge(svg)).toEqual({ version: '3.0', credential: credentialJson });
  });

  it('explains what is wrong with a credential it cannot read', () => {
    const ns = `xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="${OB3_NS}"`;
    const cases: [string, string | RegExp][] = [
      [`<svg ${ns}><openbadges:credential>{"cut": </openbadges:credential></svg>`, /neither valid JSON/],
      [`<svg ${ns}><openbadges:credential verify="https://x.example/1"/></svg>`, /neither valid JSON/],
      [`<svg ${ns}><openbadges:credential> </openbadges:credential></svg>`, /empty/],
      [
        `<svg ${ns}><openbadges:credential verify="${jwt}"/><openbadges:credential verify="${jwt}"/></svg>`,
        'This image holds more than one badge, which the standard forbids',
      ],
      [
        `<svg ${ns} xmlns:ob2="http://openbadges.org"><ob2:assertion verify="https://a.test/1"/><openbadges:credential verify="${jwt}"/></svg>`,
        /both/,
      ],
    ];
    for (const [svg, message] of cases) {
      expect(() => readSvgBadge(svg)).toThrow(UnbakeError);
      expect(() => readSvgBadge(svg)).toThrow(message);
    }
  });
});
