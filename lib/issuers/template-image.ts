import 'server-only';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import sharp from 'sharp';
import { AppError } from '@/lib/errors';
import { decodeXml, escapeAttribute, findSvgRoot } from '@/lib/openbadges/bake/svg-scan';

export const TEMPLATE_IMAGE_MAX_BYTES = 2 * 1024 * 1024;
export const TEMPLATE_IMAGE_MIN_SIZE = 300;
// A 2 MB PNG can still claim enormous dimensions; refuse those before decoding them.
const MAX_INPUT_PIXELS = 40_000_000;

export type TemplateImage = { contentType: 'image/png' | 'image/svg+xml'; bytes: Uint8Array };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const invalid = (message: string) => new AppError('invalid', message, { fieldErrors: { image: [message] } });

function sniff(bytes: Uint8Array): TemplateImage['contentType'] | null {
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'image/png';
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096));
  // Only the start is decoded: findSvgRoot needs the root start tag, which comes early in any real SVG.
  return findSvgRoot(text) ? 'image/svg+xml' : null;
}

async function dimensionsOf(bytes: Uint8Array, type: TemplateImage['contentType']) {
  try {
    // failOn 'error' decodes enough of a PNG to notice truncation; an SVG is parsed by librsvg.
    const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
    const { width, height } = await image.metadata();
    if (type === 'image/png') await image.stats();
    if (!width || !height) throw new Error('no size');
    return { width, height };
  } catch {
    throw invalid(
      type === 'image/svg+xml'
        ? 'The SVG image could not be drawn: give the <svg> element a width and height or a viewBox.'
        : 'The PNG image could not be read; it may be damaged or too large in pixels.',
    );
  }
}

/**
 * Checks a badge template image: a PNG or SVG by its content (never a declared type), at most
 * 2 MB, square and at least 300×300. An SVG comes back sanitised — no script, event handlers,
 * foreignObject or external references — and that is the version to store.
 */
export async function validateTemplateImage(input: Uint8Array): Promise<TemplateImage> {
  if (input.byteLength === 0) throw invalid('The image is empty.');
  if (input.byteLength > TEMPLATE_IMAGE_MAX_BYTES) {
    const mb = (input.byteLength / 1024 / 1024).toFixed(1);
    throw invalid(`The image must be at most 2 MB; this one is ${mb} MB.`);
  }
  const type = sniff(input);
  if (!type) throw invalid('The image must be a PNG or an SVG.');
  let bytes = input;
  if (type === 'image/svg+xml') {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(input);
    const result = sanitiseSvg(text);
    if (!result.ok) throw invalid(result.reason);
    bytes = new TextEncoder().encode(result.svg);
  }
  const { width, height } = await dimensionsOf(bytes, type);
  if (width !== height) throw invalid(`The image must be square; this one is ${width}×${height}.`);
  if (width < TEMPLATE_IMAGE_MIN_SIZE) {
    throw invalid(
      `The image must be at least ${TEMPLATE_IMAGE_MIN_SIZE}×${TEMPLATE_IMAGE_MIN_SIZE}; this one is ${width}×${height}.`,
    );
  }
  return { contentType: type, bytes };
}

// ---- SVG sanitising -------------------------------------------------------------------------
// Rebuilt from a parse tree rather than edited in place, so nothing the filter did not see
// (comments, processing instructions, the DOCTYPE and its entities) reaches the output.

type XmlNode = Record<string, unknown>;
type Sanitised = { ok: true; svg: string } | { ok: false; reason: string };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  cdataPropName: '#cdata',
  // Entities stay unexpanded: a DOCTYPE can make nothing grow, load or appear.
  processEntities: false,
});

/** Elements that run code, embed other documents or listen for events. */
const DROPPED_ELEMENTS = new Set([
  'script',
  'foreignobject',
  'handler',
  'listener',
  'iframe',
  'object',
  'embed',
]);
const ANIMATIONS = new Set(['set', 'animate', 'animatecolor', 'animatemotion', 'animatetransform']);
/** CSS functions whose arguments can name an outside resource. */
const URL_FUNCTIONS = ['url', 'image-set', '-webkit-image-set', 'image', 'src'];

const localName = (qname: string) => qname.slice(qname.indexOf(':') + 1).toLowerCase();
// Browsers ignore ASCII whitespace and control characters inside a URL's scheme.
const normalisedRef = (value: string) =>
  Array.from(value)
    .filter((c) => c.charCodeAt(0) > 0x20 && !/\s/.test(c))
    .join('')
    .toLowerCase();
const isInternalRef = (value: string) => {
  const ref = normalisedRef(value);
  return ref.startsWith('#') || ref.startsWith('data:image/');
};
const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function decodeCssEscapes(css: string): string {
  return css.replace(/\\([0-9a-fA-F]{1,6})\s?|\\([^\n0-9a-fA-F])/g, (_whole, hex: string, char: string) => {
    if (char !== undefined) return char;
    const code = Number.parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}

/** Index just past the `)` closing a function whose `(` is at `open`, skipping quoted strings. */
function closingParen(css: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < css.length; i++) {
    const c = css.charAt(i);
    if (quote) quote = c === quote ? '' : quote;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return css.length;
}

function neutraliseUrlFunctions(css: string): string {
  const names = URL_FUNCTIONS.map((f) => f.replace(/-/g, '\\-')).join('|');
  const pattern = new RegExp(`(?<![\\w-])(${names})\\(`, 'gi');
  let out = '';
  let from = 0;
  for (let match = pattern.exec(css); match; match = pattern.exec(css)) {
    const name = (match[1] ?? '').toLowerCase();
    const open = match.index + name.length;
    const end = closingParen(css, open);
    const argument = css
      .slice(open + 1, end - 1)
      .trim()
      .replace(/^(['"])([\s\S]*)\1$/, '$2');
    const isSafe = name === 'url' && isInternalRef(argument);
    out += css.slice(from, open - name.length) + (isSafe ? css.slice(open - name.length, end) : 'none');
    from = end;
    pattern.lastIndex = end;
  }
  return out + css.slice(from);
}

/** CSS with no @import and no url() (or other resource function) that leaves the document. */
export function sanitiseCss(css: string): string {
  let current = decodeCssEscapes(css).replace(/\/\*[\s\S]*?\*\//g, '');
  // Removing one construct can join its neighbours into another, so repeat until nothing changes.
  for (let round = 0; round < 10; round++) {
    const next = neutraliseUrlFunctions(current.replace(/@import\b[^;]*(;|$)/gi, ''));
    if (next === current) return current;
    current = next;
  }
  return '';
}

function sanitiseAttributes(attributes: Record<string, string>): string {
  let out = '';
  for (const [name, raw] of Object.entries(attributes)) {
    const local = localName(name);
    let value = decodeXml(raw);
    if (local.startsWith('on')) continue;
    if ((local === 'href' || local === 'src') && !isInternalRef(value)) continue;
    if (/^(javascript|vbscript):/.test(normalisedRef(value))) continue;
    if (local === 'style' || /url\(|image-set\(|@import/i.test(value)) value = sanitiseCss(value);
    out += ` ${name}="${escapeAttribute(value)}"`;
  }
  return out;
}

function textOf(children: XmlNode[]): string {
  return children
    .map((child) => {
      if ('#text' in child) return decodeXml(String(child['#text']));
      const cdata = child['#cdata'] as XmlNode[] | undefined;
      return cdata?.map((part) => String(part['#text'] ?? '')).join('') ?? '';
    })
    .join('');
}

function serialise(nodes: XmlNode[]): string {
  let out = '';
  for (const node of nodes) {
    if ('#text' in node) {
      out += escapeText(decodeXml(String(node['#text'])));
      continue;
    }
    if ('#cdata' in node) {
      out += escapeText(textOf([node]));
      continue;
    }
    const qname = Object.keys(node).find((key) => key !== ':@');
    // Processing instructions (xml-stylesheet among them) are dropped with the declaration.
    if (!qname || qname.startsWith('?') || qname.startsWith('#')) continue;
    const local = localName(qname);
    const attributes = (node[':@'] ?? {}) as Record<string, string>;
    if (DROPPED_ELEMENTS.has(local)) continue;
    if (ANIMATIONS.has(local)) {
      const target = localName(decodeXml(attributes.attributeName ?? ''));
      if (target === 'href' || target === 'src' || target.startsWith('on')) continue;
    }
    const children = (node[qname] ?? []) as XmlNode[];
    const body = local === 'style' ? escapeText(sanitiseCss(textOf(children))) : serialise(children);
    out += body
      ? `<${qname}${sanitiseAttributes(attributes)}>${body}</${qname}>`
      : `<${qname}${sanitiseAttributes(attributes)}/>`;
  }
  return out;
}

/** The SVG without script, event handlers, foreignObject or external references; or why it was refused. */
export function sanitiseSvg(svg: string): Sanitised {
  if (!findSvgRoot(svg)) return { ok: false, reason: 'The image must be a PNG or an SVG.' };
  if (XMLValidator.validate(svg) !== true) {
    return { ok: false, reason: 'The SVG image is not well-formed XML.' };
  }
  let tree: XmlNode[];
  try {
    tree = parser.parse(svg) as XmlNode[];
  } catch {
    return { ok: false, reason: 'The SVG image declares external entities or an unusual DOCTYPE.' };
  }
  const elements = tree.filter((node) => Object.keys(node).some((k) => k !== ':@' && !/^[?#]/.test(k)));
  if (elements.length !== 1)
    return { ok: false, reason: 'The SVG image must have exactly one root element.' };
  return { ok: true, svg: serialise(elements) };
}
