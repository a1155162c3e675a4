import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { ShareableBadge } from './links';
import { emailSignatureSnippet, embedSnippet, escapeHtml } from './snippets';

const hostile = '<script>alert(1)</script>"';

function badge(overrides: Partial<ShareableBadge> = {}): ShareableBadge {
  return {
    awardId: 'aw_1',
    badgeName: 'Zoë & Co\'s "Best" Badge',
    issuerName: 'Acme <Labs>',
    earnerName: 'Ada Lovelace',
    issuedAt: new Date('2025-03-03T00:00:00Z'),
    expiresAt: null,
    publicUrl: 'https://laurel.test/badges/aw_1?a=1&b=2',
    imagePngUrl: 'https://laurel.test/badges/aw_1/image.png?v=2&s=96',
    embedUrl: 'https://laurel.test/embed/aw_1?theme=light&size=m',
    ...overrides,
  };
}

/** An independent parser that decodes entities, so values are compared as a browser would read them. */
function parse(html: string) {
  expect(XMLValidator.validate(html)).toBe(true);
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    htmlEntities: true,
    parseAttributeValue: false,
    parseTagValue: false,
    preserveOrder: false,
  }).parse(html);
}

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&#39;f');
  });
});

describe('embedSnippet', () => {
  it('is one iframe with exactly the expected attributes, values round-tripping', () => {
    const b = badge();
    const { iframe } = parse(embedSnippet(b));
    expect(iframe).toEqual({
      src: b.embedUrl,
      title: `${b.badgeName} badge earned by Ada Lovelace`,
      width: '360',
      height: '180',
      style: 'border:0;max-width:100%',
      loading: 'lazy',
    });
  });

  it('cannot be broken out of by a hostile badge name', () => {
    const html = embedSnippet(badge({ badgeName: hostile, earnerName: hostile }));
    expect(html).not.toContain('<script');
    expect(parse(html).iframe.title).toBe(`${hostile} badge earned by ${hostile}`);
  });
});

describe('emailSignatureSnippet', () => {
  it('is a one-row table: linked 48px image and a bold linked name with the issuer, inline styles only', () => {
    const b = badge();
    const html = emailSignatureSnippet(b);
    expect(html).not.toMatch(/class=|<style|<script|<link/i);
    const { table } = parse(html);
    expect(table).toMatchObject({ cellpadding: '0', cellspacing: '0', border: '0' });
    expect(table.style).toBe('border-collapse:collapse');
    expect(Array.isArray(table.tr)).toBe(false);
    const [imageCell, textCell] = table.tr.td;
    expect(table.tr.td).toHaveLength(2);

    expect(imageCell.a.href).toBe(b.publicUrl);
    expect(imageCell.a.img).toEqual({
      src: b.imagePngUrl,
      width: '48',
      height: '48',
      alt: `${b.badgeName} badge`,
      border: '0',
      style: 'display:block;width:48px;height:48px;border:0',
    });

    expect(textCell.style).toContain('font-family:Arial, sans-serif;font-size:13px;color:#1c1917');
    expect(textCell.a.href).toBe(b.publicUrl);
    expect(textCell.a['#text']).toBe(b.badgeName);
    expect(textCell.a.style).toContain('font-weight:bold');
    expect(textCell.a.style).toContain('font-family:Arial, sans-serif');
    expect(textCell['#text']).toBe('Issued by Acme <Labs>');
  });

  it('escapes a hostile badge and issuer name everywhere they appear', () => {
    const html = emailSignatureSnippet(badge({ badgeName: hostile, issuerName: hostile }));
    expect(html).not.toContain('<script');
    const [imageCell, textCell] = parse(html).table.tr.td;
    expect(imageCell.a.img.alt).toBe(`${hostile} badge`);
    expect(textCell.a['#text']).toBe(hostile);
    expect(textCell['#text']).toBe(`Issued by ${hostile}`);
  });
});
