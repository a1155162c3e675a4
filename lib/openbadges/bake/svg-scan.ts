/** Small string scanners for the parts of an SVG that baking edits in place. */

export type RootTag = { start: number; end: number; name: string; isSelfClosing: boolean };

/** Index of the root element's `<`, past an optional BOM, XML declaration, comments, PIs and a DOCTYPE. */
function rootStart(text: string): number {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (i < text.length && /\s/.test(text.charAt(i))) i++;
    if (text.startsWith('<?', i)) i = closeOf(text, '?>', i);
    else if (text.startsWith('<!--', i)) i = closeOf(text, '-->', i);
    else if (/^<!DOCTYPE/i.test(text.slice(i, i + 9))) i = doctypeEnd(text, i);
    else return text.charAt(i) === '<' ? i : -1;
    if (i < 0) return -1;
  }
}

function closeOf(text: string, close: string, from: number): number {
  const at = text.indexOf(close, from);
  return at < 0 ? -1 : at + close.length;
}

function doctypeEnd(text: string, from: number): number {
  let quote = '';
  let depth = 0;
  for (let i = from + 2; i < text.length; i++) {
    const c = text.charAt(i);
    if (quote) quote = c === quote ? '' : quote;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) return i + 1;
  }
  return -1;
}

/** End of a start tag beginning at `start` (just past its `>`), skipping `>` inside quoted attribute values. */
function tagEnd(text: string, start: number): number {
  let quote = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charAt(i);
    if (quote) quote = c === quote ? '' : quote;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return -1;
}

/** The root `<svg>` (or `<prefix:svg>`) start tag, or undefined when the text is not an SVG document. */
export function findSvgRoot(text: string): RootTag | undefined {
  const start = rootStart(text);
  if (start < 0) return undefined;
  const name = /^<((?:[A-Za-z_][\w.-]*:)?svg)(?=[\s/>])/.exec(text.slice(start, start + 200))?.[1];
  const end = name ? tagEnd(text, start) : -1;
  if (!name || end < 0) return undefined;
  return { start, end, name, isSelfClosing: text.charAt(end - 2) === '/' };
}

type Tag = { isEnd: boolean; start: number; end: number; isSelfClosing: boolean };

/**
 * Start and end tags in document order, from each `<` to just past its `>`. Comments, CDATA, PIs
 * and the DOCTYPE are skipped whole, so a lookalike tag inside them is never taken for markup.
 * Exact for well-formed XML: `<` appears raw only in markup, comments, CDATA, PIs and the DOCTYPE.
 */
function* tags(text: string): Generator<Tag> {
  for (let i = text.indexOf('<'); i >= 0 && i < text.length; i = text.indexOf('<', i)) {
    const start = i;
    if (text.startsWith('<!--', i)) i = closeOf(text, '-->', i);
    else if (text.startsWith('<![CDATA[', i)) i = closeOf(text, ']]>', i);
    else if (text.startsWith('<?', i)) i = closeOf(text, '?>', i);
    else if (text.startsWith('<!', i)) i = doctypeEnd(text, i);
    else if (text.startsWith('</', i)) {
      i = closeOf(text, '>', i);
      if (i > 0) yield { isEnd: true, start, end: i, isSelfClosing: false };
    } else {
      i = tagEnd(text, i);
      if (i > 0) yield { isEnd: false, start, end: i, isSelfClosing: text.charAt(i - 2) === '/' };
    }
    if (i < 0) return;
  }
}

export type MarkupSize = { elements: number; depth: number };

/** Counts elements and the deepest nesting in one pass, before anything recursive sees the text. */
export function measureMarkup(text: string): MarkupSize {
  let elements = 0;
  let depth = 0;
  let deepest = 0;
  for (const tag of tags(text)) {
    if (tag.isEnd) depth--;
    else {
      elements++;
      if (!tag.isSelfClosing) deepest = Math.max(deepest, ++depth);
    }
  }
  return { elements, depth: deepest };
}

export type Span = { start: number; end: number };

/**
 * Where each element named `qname` sits, from its `<` to just past its end tag (nested ones lie inside
 * the outermost), found by tags rather than by pattern, so a credential whose own text holds
 * `</openbadges:credential>` inside CDATA is removed whole.
 */
export function elementSpans(text: string, qname: string): Span[] {
  const spans: Span[] = [];
  let open = -1;
  let nested = 0;
  for (const tag of tags(text)) {
    const name = /^<\/?([^\s/>]+)/.exec(text.slice(tag.start, tag.start + qname.length + 3))?.[1];
    if (name !== qname) continue;
    if (tag.isEnd) {
      if (open >= 0 && --nested === 0) {
        spans.push({ start: open, end: tag.end });
        open = -1;
      }
    } else if (open >= 0) nested += tag.isSelfClosing ? 0 : 1;
    else if (tag.isSelfClosing) spans.push({ start: tag.start, end: tag.end });
    else {
      open = tag.start;
      nested = 1;
    }
  }
  return spans;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the predefined and numeric references in one pass (so `&amp;#10;` stays `&#10;`). */
export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (!ref.startsWith('#')) return NAMED[ref] ?? whole;
    const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Escapes a double-quoted attribute value; whitespace too, which attribute normalisation would flatten. */
export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}
