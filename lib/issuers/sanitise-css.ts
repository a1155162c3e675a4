/** CSS in SVG templates: escapes decoded first, then every outside reference removed. */

/** CSS functions whose arguments can name an outside resource. */
const URL_FUNCTIONS = ['url', 'image-set', '-webkit-image-set', 'image', 'src'];

// Browsers ignore ASCII whitespace and control characters inside a URL's scheme.
const normalisedRef = (value: string) =>
  Array.from(value)
    .filter((c) => c.charCodeAt(0) > 0x20 && !/\s/.test(c))
    .join('')
    .toLowerCase();

/** A fragment of this document, or an embedded raster image: the only references a template keeps. */
export function isInternalRef(value: string): boolean {
  const ref = normalisedRef(value);
  // An embedded SVG could hold references of its own, so only raster formats are kept.
  return ref.startsWith('#') || /^data:image\/(png|jpeg|gif|webp)[;,]/.test(ref);
}

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
