import { compile } from 'html-to-text';

const SKIPPED = [
  'script',
  'style',
  'noscript',
  'iframe',
  'template',
  'object',
  'embed',
  'svg',
  'head',
  'img',
];

// html-to-text parses (htmlparser2) and never runs anything; script and style go with their contents.
const toText = compile({
  wordwrap: false,
  selectors: [
    ...SKIPPED.map((selector) => ({ selector, format: 'skip' })),
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'ul', options: { itemPrefix: '• ' } },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
  ],
});

const TAG_LIKE = /<\/?[a-z!?][^<>]*>/i;
const ESCAPED_TAG = /&(lt|#0*60|#x0*3c);\/?[a-z!?]/i;
const TAG_LIKE_ALL = new RegExp(TAG_LIKE.source, 'gi');

/**
 * HTML as plain text: block elements become line breaks, list items bullets, every other tag is
 * dropped and entities are decoded. Feeds often escape their HTML once more (`&lt;p&gt;`), which
 * decodes into markup again, so conversion repeats while the text still holds tags or escaped
 * tags, and any tag left after that is removed: stored text never contains one.
 */
export function htmlToPlainText(html: string): string {
  let text = html;
  for (let pass = 0; pass < 3; pass++) {
    text = toText(text);
    if (!TAG_LIKE.test(text) && !ESCAPED_TAG.test(text)) break;
  }
  return text
    .replace(TAG_LIKE_ALL, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One line of text (a title, a name) from something that may hold markup. */
export function htmlToLine(html: string): string {
  return htmlToPlainText(html).replace(/\s+/g, ' ').trim();
}
