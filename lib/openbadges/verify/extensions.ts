import { expandType, OB_CLASS } from '@/lib/openbadges/ob2/vocabulary';
import type { VerifyContext } from './context';
import { isRecord } from './fetch-json';
import { isHttpUrl } from './values';

/*
 * OB 2.0 extensions are nodes typed `Extension` plus an extension type whose JSON-LD context names
 * a JSON schema to validate them against (1EdTech reference validator, ExtensionProbe). Fetching
 * and running arbitrary remote schemas is out of scope, so the schemas of the registered
 * extensions the reference tests use are written out here; a well-formed but unknown extension
 * type is reported as not checked, and a malformed one fails like it does in the validator.
 */

type Rule = { term: string; iri: string; test: (value: unknown) => boolean; message: string };

const EXT = 'https://w3id.org/openbadges/extensions#';
const KNOWN: Record<string, { name: string; rules: Rule[] }> = {
  [`${EXT}ExampleExtension`]: {
    name: 'Example Extension',
    rules: [
      {
        term: 'exampleProperty',
        iri: 'http://schema.org/text',
        test: (v) => typeof v === 'string',
        message: 'must be text',
      },
    ],
  },
  [`${EXT}ApplyLink`]: {
    name: 'Apply Link',
    rules: [{ term: 'url', iri: `${EXT}applyLink`, test: isHttpUrl, message: 'must be a web address' }],
  },
};

function isExtensionNode(node: Record<string, unknown>): boolean {
  const types = Array.isArray(node.type) ? node.type : [node.type];
  return types.some((type) => typeof type === 'string' && expandType(type) === OB_CLASS.Extension);
}

function checkExtension(ctx: VerifyContext, key: string, node: Record<string, unknown>): void {
  const types = (Array.isArray(node.type) ? node.type : [node.type]).filter(
    (type) => typeof type !== 'string' || expandType(type) !== OB_CLASS.Extension,
  );
  const label = 'An extension is not valid';
  if (types.length === 0) ctx.checks.fail('extension', label, `${key} does not say which extension it is.`);
  for (const type of types) {
    const iri = typeof type === 'string' ? expandType(type) : undefined;
    if (!iri) {
      ctx.checks.fail(
        'extension',
        label,
        `${key} has the type ${JSON.stringify(type)}, which is not a valid extension type.`,
      );
      continue;
    }
    const known = KNOWN[iri];
    if (!known) {
      ctx.checks.skip(
        'extension',
        'Extension not checked',
        `${key} uses ${iri}, an extension Laurel cannot check.`,
      );
      continue;
    }
    const broken = known.rules.filter((rule) => !rule.test(node[rule.term] ?? node[rule.iri]));
    for (const rule of broken) {
      ctx.checks.fail('extension', label, `${key} (${known.name}): ${rule.term} ${rule.message}.`);
    }
    if (broken.length === 0)
      ctx.checks.pass('extension', 'Extensions are valid', `${key} is a valid ${known.name}.`);
  }
}

/** Finds extension nodes anywhere in `node` (not in `@context`) and checks each. */
export function findExtensions(ctx: VerifyContext, node: unknown, key = 'The badge', depth = 0): void {
  if (depth > 6) return;
  if (Array.isArray(node)) {
    for (const item of node) findExtensions(ctx, item, key, depth + 1);
    return;
  }
  if (!isRecord(node)) return;
  if (depth > 0 && isExtensionNode(node)) checkExtension(ctx, `The extension ${key}`, node);
  for (const [property, value] of Object.entries(node)) {
    if (property !== '@context') findExtensions(ctx, value, property, depth + 1);
  }
}
