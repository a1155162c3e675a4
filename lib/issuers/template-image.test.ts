import { XMLValidator } from 'fast-xml-parser';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sanitiseCss } from './sanitise-css';
import { validateTemplateImage } from './template-image';

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

async function png(width: number, height: number) {
  return new Uint8Array(
    await sharp({ create: { width, height, channels: 4, background: '#146c43' } })
      .png()
      .toBuffer(),
  );
}

const svg = (body: string, attributes = 'width="400" height="400"') =>
  encode(
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ${attributes}>${body}</svg>`,
  );

async function sanitised(body: string) {
  const image = await validateTemplateImage(svg(body));
  expect(image.contentType).toBe('image/svg+xml');
  const text = decode(image.bytes);
  expect(XMLValidator.validate(text)).toBe(true);
  return text;
}

describe('validateTemplateImage', () => {
  it('accepts a square PNG of at least 300×300 unchanged', async () => {
    const bytes = await png(300, 300);
    const image = await validateTemplateImage(bytes);
    expect(image).toEqual({ contentType: 'image/png', bytes });
  });

  it('accepts an SVG sized by width and height or by its viewBox alone', async () => {
    await expect(validateTemplateImage(svg('<circle r="10"/>'))).resolves.toMatchObject({
      contentType: 'image/svg+xml',
    });
    await expect(validateTemplateImage(svg('', 'viewBox="0 0 512 512"'))).resolves.toMatchObject({
      contentType: 'image/svg+xml',
    });
  });

  it.each([
    ['a wide PNG', () => png(600, 300), 'The image must be square; this one is 600×300.'],
    ['a small PNG', () => png(200, 200), 'The image must be at least 300×300; this one is 200×200.'],
    [
      'a wide SVG',
      async () => svg('', 'width="600" height="300"'),
      'The image must be square; this one is 600×300.',
    ],
    [
      'a small SVG viewBox',
      async () => svg('', 'viewBox="0 0 24 24"'),
      'The image must be at least 300×300; this one is 24×24.',
    ],
    [
      'an SVG without any size',
      async () => svg('', ''),
      'The SVG image could not be drawn: give the <svg> element a width and height or a viewBox.',
    ],
    [
      'a JPEG',
      async () =>
        new Uint8Array(
          await sharp({ create: { width: 400, height: 400, channels: 3, background: '#000' } })
            .jpeg()
            .toBuffer(),
        ),
      'The image must be a PNG or an SVG.',
    ],
    ['HTML', async () => encode('<html><body>hi</body></html>'), 'The image must be a PNG or an SVG.'],
    ['nothing', async () => new Uint8Array(), 'The image is empty.'],
    [
      'broken XML',
      async () => encode('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><g></svg>'),
      'The SVG image is not well-formed XML.',
    ],
    [
      'a truncated PNG',
      async () => (await png(400, 400)).subarray(0, 60),
      'The PNG image could not be read; it may be damaged or too large in pixels.',
    ],
  ])('refuses %s with a reason naming the problem', async (_name, make, reason) => {
    await expect(validateTemplateImage(await make())).rejects.toMatchObject({
      code: 'invalid',
      message: reason,
      details: { fieldErrors: { image: [reason] } },
    });
  });

  it('refuses anything over 2 MB before looking inside', async () => {
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set(await png(300, 300));
    await expect(validateTemplateImage(big)).rejects.toThrow(
      'The image must be at most 2 MB; this one is 2.0 MB.',
    );
  });
});

describe('SVG sanitising', () => {
  it('removes script, event handlers and foreignObject, keeping the drawing', async () => {
    const text = await sanitised(
      '<script>alert(1)</script><svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(2)</svg:script>' +
        '<g onload="alert(3)" ONCLICK="alert(4)"><circle cx="200" cy="200" r="150" fill="#146c43"/></g>' +
        '<foreignObject width="100" height="100"><body xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://evil.example"/></body></foreignObject>',
    );
    expect(text).not.toMatch(/script|alert|onload|onclick|foreignObject|iframe|evil/i);
    expect(text).toContain('<circle cx="200" cy="200" r="150" fill="#146c43"/>');
    const { width, height } = await sharp(encode(text)).metadata();
    expect([width, height]).toEqual([400, 400]);
  });

  it('keeps internal and data:image references and drops every other one', async () => {
    const text = await sanitised(
      '<defs><linearGradient id="g"/></defs>' +
        '<use href="#g"/><use xlink:href="#g"/><image href="data:image/png;base64,iVBORw0KGgo="/>' +
        '<image href="https://evil.example/a.png"/><use xlink:href="//evil.example/s.svg#x"/>' +
        '<a href="java&#x09;script:alert(1)"><text>x</text></a><image src="/local.png"/>' +
        '<feImage href="file:///etc/passwd"/>',
    );
    expect(text).toContain('<use href="#g"/>');
    expect(text).toContain('<use xlink:href="#g"/>');
    expect(text).toContain('href="data:image/png;base64,iVBORw0KGgo="');
    expect(text).not.toMatch(/evil|javascript|local\.png|passwd/);
  });

  it('drops animations, which could set a link or a handler after sanitising', async () => {
    const text = await sanitised(
      '<a><set attributeName="href" to="javascript:alert(1)"/><animate attributeName="xlink:href" values="https://evil.example"/>' +
        '<animate attributeName="opacity" values="0;1" dur="1s"/><text>go</text></a>',
    );
    expect(text).not.toMatch(/javascript|evil|<set|<animate/);
    expect(text).toContain('<text>go</text>');
  });

  it('removes external CSS from style elements and style attributes', async () => {
    const text = await sanitised(
      '<style>@import url("https://evil.example/a.css"); @import \'https://evil.example/b.css\';' +
        ' .a { fill: url(#g); background: url(http://evil.example/x.png) } .b > .c { mask: url( "https://evil.example/m" ) }' +
        ' .d { background-image: image-set("https://evil.example/i.png" 1x) }</style>' +
        '<rect width="10" height="10" style="fill:url(#g);background:u\\72l(//evil.example/y)"/>' +
        '<rect width="10" height="10" fill="url(https://evil.example/p#g)"/>',
    );
    expect(text).not.toMatch(/evil|@import/);
    expect(text).toContain('fill: url(#g)');
    expect(text).toContain('.b &gt; .c');
    expect(text).toContain('style="fill:url(#g);background:none"');
    expect(text).toContain('fill="none"');
  });

  it('drops processing instructions, comments and the DOCTYPE, expanding its entities once', async () => {
    const source =
      '<?xml version="1.0"?><?xml-stylesheet href="https://evil.example/s.css"?>' +
      '<!DOCTYPE svg [<!ENTITY x "boom">]><!-- hi -->' +
      '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><text>&x; &amp; &lt;ok&gt;</text></svg>';
    const image = await validateTemplateImage(encode(source));
    const text = decode(image.bytes);
    expect(text).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><text>boom &amp; &lt;ok&gt;</text></svg>',
    );
  });

  it('cannot be tricked into rebuilding a removed construct', () => {
    expect(sanitiseCss('@imp@import x;ort "https://evil.example/a.css";')).not.toMatch(/@import|evil/);
    expect(sanitiseCss('@im/**/port "https://evil.example/a.css";')).not.toMatch(/@import|evil/);
    expect(sanitiseCss('a{b:url(#x)url(https://evil.example)}')).not.toContain('evil');
  });

  it.each([
    ['a meta refresh to another site', '<meta http-equiv="refresh" content="0;url=https://evil.example/"/>'],
    [
      'the same inside an XHTML body',
      '<g><html xmlns="http://www.w3.org/1999/xhtml"><meta http-equiv="refresh" content="0;url=https://evil.example/"/></html></g>',
    ],
    ['srcset', '<image srcset="https://evil.example/a.png 1x" href="#g"/>'],
    ['poster', '<video xmlns="http://www.w3.org/1999/xhtml" poster="https://evil.example/p.png"/>'],
    [
      'url() hidden by a hex escape',
      '<rect width="9" height="9" style="fill: u\\72l(https://evil.example/a)"/>',
    ],
    [
      'url() hidden by an escape with a space',
      '<rect width="9" height="9" fill="\\75 rl(https://evil.example/b)"/>',
    ],
    [
      '@import hidden by an escape',
      '<style>@\\69mport "https://evil.example/c.css"; rect { fill: red }</style>',
    ],
    [
      'an escaped url() in a style element',
      '<style>rect { filter: \\75 \\72 \\6c (https://evil.example/d#f) }</style>',
    ],
    [
      'an embedded SVG image, which could hold references of its own',
      '<image href="data:image/svg+xml,%3Csvg/%3E"/>',
    ],
  ])('removes %s', async (_name, body) => {
    const text = await sanitised(`<defs><linearGradient id="g"/></defs>${body}`);
    expect(text).not.toMatch(/evil|refresh|srcset|poster|svg\+xml/);
    expect(text).toContain('<linearGradient id="g"/>');
  });

  it('refuses a DOCTYPE whose entities would grow to gigabytes, without crashing', async () => {
    const entity = 'x'.repeat(3_000);
    const source = `<!DOCTYPE svg [<!ENTITY e "${entity}">]><svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><text>${'&e;'.repeat(600_000)}</text></svg>`;
    await expect(validateTemplateImage(encode(source))).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/too complex to check|unusual DOCTYPE/),
    });
  });
});
