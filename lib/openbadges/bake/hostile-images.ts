/** Crafted SVGs that once stalled or crashed the server; tests and the fuzzer use them. */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Thousands of namespace declarations on the root, tens of thousands of elements below it. */
export function namespaceFlood({ declarations = 3_000, elements = 30_000 } = {}): string {
  const xmlns = Array.from({ length: declarations }, (_, i) => ` xmlns:n${i}="urn:n${i}"`).join('');
  return `<svg xmlns="${SVG_NS}"${xmlns}>${'<g/>'.repeat(elements)}</svg>`;
}

/** Elements nested far deeper than any drawing needs. */
export function deepNesting(depth = 50_000): string {
  return `<svg xmlns="${SVG_NS}">${'<g>'.repeat(depth)}${'</g>'.repeat(depth)}</svg>`;
}

/** Under 1 KB of SVG that asks librsvg for many seconds of filtering (feMorphology costs radius² per pixel). */
export function heavyFilters(layers = 6): string {
  const steps = Array.from(
    { length: layers },
    (_, i) =>
      `<feMorphology in="${i === 0 ? 'SourceGraphic' : `m${i - 1}`}" operator="dilate" radius="120" result="m${i}"/>`,
  ).join('');
  return `<svg xmlns="${SVG_NS}" width="512" height="512"><filter id="f">${steps}</filter><rect width="512" height="512" filter="url(#f)"/></svg>`;
}
