import DOMPurify from 'dompurify';
import { XMLValidator } from 'fast-xml-parser';
import { JSDOM } from 'jsdom';
import { findSvgRoot } from '../openbadges/bake/svg-scan';
import { isInternalRef, sanitiseCss } from './sanitise-css';

export type Sanitised = { ok: true; svg: string } | { ok: false; reason: string };

const SVG_NS = 'http://www.w3.org/2000/svg';
const localName = (name: string) => name.slice(name.indexOf(':') + 1).toLowerCase();
/** Only values with an escape, a bracket or an at-sign can hold url(), image-set() or @import. */
const MAY_HOLD_CSS_REFERENCE = /[\\(@]/;

const { window } = new JSDOM('');
const purify = DOMPurify(window as unknown as Parameters<typeof DOMPurify>[0]);

// href/xlink:href/src: fragments and raster data only. Any other value (a presentation attribute
// such as fill or filter, style) is read as CSS, escapes and all, and loses its outside references.
purify.addHook('uponSanitizeAttribute', (_node, data) => {
  const local = localName(data.attrName);
  if (local === 'href' || local === 'src') data.keepAttr = isInternalRef(data.attrValue);
  else if (MAY_HOLD_CSS_REFERENCE.test(data.attrValue)) data.attrValue = sanitiseCss(data.attrValue);
});
purify.addHook('uponSanitizeElement', (node, data) => {
  if (data.tagName === 'style') node.textContent = sanitiseCss(node.textContent ?? '');
});

/**
 * The SVG as DOMPurify's SVG profile leaves it (no script, foreignObject, animations, event handlers,
 * HTML such as `<meta http-equiv>`, srcset or poster), further stripped of every reference that leaves the
 * document, in markup or in CSS; or why it was refused.
 */
export function sanitiseSvg(svg: string): Sanitised {
  if (!findSvgRoot(svg)) return { ok: false, reason: 'The image must be a PNG or an SVG.' };
  if (XMLValidator.validate(svg) !== true)
    return { ok: false, reason: 'The SVG image is not well-formed XML.' };
  let root: Element;
  try {
    // Parsed as XML, so namespaces and case survive; custom entities are an error, never expanded.
    root = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document.documentElement;
  } catch {
    return { ok: false, reason: 'The SVG image declares external entities or an unusual DOCTYPE.' };
  }
  if (root.namespaceURI !== SVG_NS || root.localName !== 'svg') {
    return { ok: false, reason: 'The image must be a PNG or an SVG.' };
  }
  purify.sanitize(root, {
    IN_PLACE: true,
    USE_PROFILES: { svg: true, svgFilters: true },
    // <use> is safe once its reference is known to be local, and templates use it for repeated shapes.
    ADD_TAGS: ['use'],
    FORBID_TAGS: ['foreignObject', 'script'],
    // What is inside a removed element (a prefixed script, say) is not drawing either.
    KEEP_CONTENT: false,
  });
  return { ok: true, svg: new window.XMLSerializer().serializeToString(root) };
}
