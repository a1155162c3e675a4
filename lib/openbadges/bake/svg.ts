import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { BakeError, UnbakeError } from './errors';
import { classifyCredential, type Ob3Payload, readCredential } from './payload';
import { decodeXml, elementSpans, escapeAttribute, findSvgRoot, measureMarkup } from './svg-scan';

export { BakeError, UnbakeError } from './errors';

const OB2_NS = 'http://openbadges.org';
const OB3_NS = 'https://purl.imsglobal.org/ob/v3p0';

type XmlNode = Record<string, unknown>;
type BadgeElement = { qname: string; namespace: string; attributes: Record<string, string>; body: string };
type Fail = (message: string) => never;

// Entities stay unexpanded (we decode the predefined ones ourselves), so a DOCTYPE can make nothing grow or load.
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  trimValues: false,
  cdataPropName: '#cdata',
  processEntities: false,
});

/*
 * Hostile SVGs are the norm at /verify, so reading one is bounded: the work is linear in the input
 * (namespace scopes are a chain, not a copy per element), and declarations, elements, depth and time
 * are capped. A real badge has a handful of declarations and a few thousand elements at most.
 */
const LIMITS = { declarations: 1_000, elements: 100_000, depth: 256, milliseconds: 1_000 };
const TOO_COMPLEX = 'This image is too complex to read';

/** Namespace bindings of one element, pointing at its parent's; lookups walk at most `depth` links. */
type Scope = { bindings: Map<string, string>; parent?: Scope };

function lookup(scope: Scope | undefined, prefix: string): string | undefined {
  for (let at = scope; at; at = at.parent) {
    const uri = at.bindings.get(prefix);
    if (uri !== undefined) return uri;
  }
  return undefined;
}

/** Badge elements matched by namespace URI and local name, whatever prefix the SVG chose. */
function findBadgeElements(svg: string, fail: Fail): BadgeElement[] {
  if (!findSvgRoot(svg)) fail('This file is not an SVG image');
  if (XMLValidator.validate(svg) !== true) fail('This SVG image is broken (it is not valid XML)');
  // The parser recurses per level, so depth is checked before it runs.
  const size = measureMarkup(svg);
  if (size.depth > LIMITS.depth) fail(`${TOO_COMPLEX} (its elements are nested too deeply)`);
  if (size.elements > LIMITS.elements) fail(`${TOO_COMPLEX} (it has too many elements)`);
  let tree: XmlNode[] = [];
  try {
    tree = parser.parse(svg);
  } catch {
    // fast-xml-parser refuses DOCTYPEs that declare external entities, among other oddities.
    fail('This SVG image could not be read safely (it declares external entities or an unusual DOCTYPE)');
  }
  const found: BadgeElement[] = [];
  const deadline = Date.now() + LIMITS.milliseconds;
  let declarations = 0;
  let elements = 0;
  // Early bakers sometimes used the openbadges prefix without declaring it.
  const root: Scope = { bindings: new Map([['openbadges', OB2_NS]]) };
  const pending = [{ nodes: tree, scope: root }];
  for (let level = pending.pop(); level; level = pending.pop()) {
    for (const node of level.nodes) {
      const qname = Object.keys(node).find((key) => key !== ':@');
      if (!qname || qname.startsWith('#') || qname.startsWith('?')) continue;
      if (++elements % 1024 === 0 && Date.now() > deadline) fail(TOO_COMPLEX);
      const attributes: Record<string, string> = {};
      let scope = level.scope;
      for (const [name, value] of Object.entries((node[':@'] ?? {}) as Record<string, string>)) {
        const decoded = decodeXml(value);
        attributes[name] = decoded;
        if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
        if (++declarations > LIMITS.declarations) fail(`${TOO_COMPLEX} (it declares too many namespaces)`);
        if (scope === level.scope) scope = { bindings: new Map(), parent: level.scope };
        scope.bindings.set(name === 'xmlns' ? '' : name.slice(6), decoded);
      }
      const colon = qname.indexOf(':');
      const namespace = lookup(scope, colon < 0 ? '' : qname.slice(0, colon)) ?? '';
      const local = qname.slice(colon + 1);
      const children = node[qname] as XmlNode[];
      if (
        (namespace === OB2_NS && local === 'assertion') ||
        (namespace === OB3_NS && local === 'credential')
      ) {
        found.push({ qname, namespace, attributes, body: bodyText(children) });
      } else {
        pending.push({ nodes: children, scope });
      }
    }
  }
  return found;
}

function bodyText(children: XmlNode[]): string {
  return children
    .map((child) => {
      if (typeof child['#text'] === 'string') return decodeXml(child['#text']);
      const cdata = child['#cdata'] as XmlNode[] | undefined;
      return cdata?.map((part) => String(part['#text'] ?? '')).join('') ?? '';
    })
    .join('');
}

export type SvgBadge = { version: '2.0'; json?: string; verify?: string } | Ob3Payload;

/**
 * The badge inside an SVG: a 2.0 `<openbadges:assertion>` (JSON from the element body and/or the `verify`
 * JWS or URL) or a 3.0 `<openbadges:credential>` (CDATA JSON, or a VC-JWT in `verify`).
 */
export function readSvgBadge(svg: string): SvgBadge {
  const found = findBadgeElements(svg, (message) => {
    throw new UnbakeError(message);
  });
  const ob2 = found.filter((element) => element.namespace === OB2_NS);
  if (ob2.length > 0 && ob2.length < found.length) {
    throw new UnbakeError(
      'This image holds both an Open Badges 2.0 badge and a 3.0 credential, so it cannot be trusted',
    );
  }
  const [element, ...others] = found;
  if (!element) throw new UnbakeError('This image has no Open Badge inside it');
  if (others.length > 0)
    throw new UnbakeError('This image holds more than one badge, which the standard forbids');
  const json = element.body.trim() || undefined;
  const verify = element.attributes.verify?.trim() || undefined;
  if (!json && !verify) throw new UnbakeError('The badge inside this image is empty');
  // A 3.0 credential is one or the other; should both be there, the embedded JSON is the primary form.
  if (element.namespace === OB3_NS) return readCredential(json ?? verify ?? '');
  return { version: '2.0', ...(json && { json }), ...(verify && { verify }) };
}

/**
 * Returns the SVG with one `<openbadges:assertion>` directly after the root start tag, replacing any badge
 * (2.0 or 3.0) it held. An empty `assertionJson` bakes the signed form, where `verifyUrl` carries the JWS.
 */
export function bakeSvg(svg: string, input: { assertionJson: string; verifyUrl: string }): string {
  const verifyUrl = input.verifyUrl.trim();
  if (verifyUrl === '') throw new BakeError('The badge has no verification address to put in the image');
  const json = input.assertionJson.trim();
  const verify = `verify="${escapeAttribute(verifyUrl)}"`;
  const element = json
    ? `<openbadges:assertion ${verify}>${cdata(json)}</openbadges:assertion>`
    : `<openbadges:assertion ${verify}/>`;
  return bakeElement(svg, OB2_NS, element, { version: '2.0', json: json || undefined, verify: verifyUrl });
}

/**
 * The Open Badges 3.0 form of `bakeSvg`: one `<openbadges:credential>` directly after the root start tag,
 * holding the credential as CDATA JSON, or a VC-JWT in its `verify` attribute; any earlier badge is replaced.
 */
export function bakeCredentialSvg(svg: string, credential: Record<string, unknown> | string): string {
  const text = typeof credential === 'string' ? credential : JSON.stringify(credential);
  const payload = classifyCredential(text);
  if (!payload || (typeof credential === 'string' && 'credential' in payload)) {
    throw new BakeError('The credential to put in the image is neither a JSON object nor a JWT');
  }
  const element =
    'jwt' in payload
      ? `<openbadges:credential verify="${escapeAttribute(payload.jwt)}"/>`
      : `<openbadges:credential>${cdata(payload.credential)}</openbadges:credential>`;
  return bakeElement(svg, OB3_NS, element, payload);
}

/** CDATA cannot hold `]]>`, so it is split across two sections. */
function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** Removes every badge element and openbadges declaration, then puts `element` first inside the root. */
function bakeElement(svg: string, namespace: string, element: string, expected: SvgBadge): string {
  const fail: Fail = (message) => {
    throw new BakeError(message);
  };
  const qnames = new Set(findBadgeElements(svg, fail).map((found) => found.qname));
  const spans = [...qnames].flatMap((qname) => elementSpans(svg, qname)).sort((a, b) => a.start - b.start);
  let text = '';
  let kept = 0;
  for (const span of spans) {
    if (span.start < kept) continue; // inside one already removed
    text += svg.slice(kept, span.start);
    kept = span.end;
  }
  text += svg.slice(kept);
  const root = findSvgRoot(text) ?? fail('This file is not an SVG image');
  const startTag = text
    .slice(root.start, root.end)
    .replace(/\s+xmlns:[\w.-]+\s*=\s*("[^"]*"|'[^']*')/g, (whole, quoted: string) => {
      const declared = decodeXml(quoted.slice(1, -1));
      return declared === OB2_NS || declared === OB3_NS ? '' : whole;
    });
  if (/\sxmlns:openbadges\s*=/.test(startTag))
    fail('This SVG already uses the openbadges prefix for something else');
  const opened = startTag.replace(/^<[^\s/>]+/, (name) => `${name} xmlns:openbadges="${namespace}"`);
  const baked = root.isSelfClosing
    ? `${opened.replace(/\s*\/>$/, '>')}${element}</${root.name}>`
    : `${opened}${element}`;
  const result = text.slice(0, root.start) + baked + text.slice(root.end);
  checkBaked(result, expected);
  return result;
}

/** Reads the result back so an odd input (a lookalike tag in a comment, say) cannot yield a broken badge. */
function checkBaked(svg: string, expected: SvgBadge) {
  let read: SvgBadge | undefined;
  try {
    read = readSvgBadge(svg);
  } catch {}
  if (JSON.stringify(read) !== JSON.stringify(expected)) {
    throw new BakeError('This SVG has an unusual structure, so the badge could not be added safely');
  }
}
