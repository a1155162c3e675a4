import { expandType, isInlineOb2Context, OB_CLASS, OB2_CONTEXT_URLS } from '@/lib/openbadges/ob2/vocabulary';
import { stop, type VerifyContext } from './context';
import { isRecord } from './fetch-json';

/*
 * `@context` and `type` decide how everything else in a document is read, so a document that
 * gets either wrong is not checked further (the reference validator stops there too).
 */

const OB1_CONTEXT = 'https://w3id.org/openbadges/v1';

export function contextProblem(node: Record<string, unknown>): string | undefined {
  const context = node['@context'];
  if (context === undefined) return 'It has no @context, so it is not Open Badges 2.0 data.';
  const entries = Array.isArray(context) ? context : [context];
  const isOb2 = entries.some(
    (entry) =>
      (typeof entry === 'string' && OB2_CONTEXT_URLS.includes(entry)) ||
      (isRecord(entry) && isInlineOb2Context(entry)),
  );
  if (isOb2) return undefined;
  if (entries.includes(OB1_CONTEXT))
    return 'Its @context is Open Badges 1.1; Laurel verifies Open Badges 2.0 badges.';
  const shown = entries.map((entry) => (typeof entry === 'string' ? entry : 'an inline context')).join(', ');
  return `Its @context (${shown}) is not the Open Badges 2.0 context, https://w3id.org/openbadges/v2.`;
}

/** The class IRIs of a node's `type`, or a sentence saying why they cannot be read. */
export function readTypes(node: Record<string, unknown>): string[] | string {
  const raw = node.type ?? node['@type'];
  const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  if (values.length === 0) return 'It has no type, so it is not clear what it is.';
  const expanded = values.map((value) => (typeof value === 'string' ? expandType(value) : undefined));
  const unknown = values
    .filter((_, index) => expanded[index] === undefined)
    .map((value) => JSON.stringify(value));
  if (unknown.length > 0) {
    return `Its type ${unknown.join(', ')} is neither an Open Badges class nor the web address of a class.`;
  }
  return expanded.filter((value) => value !== undefined);
}

export type ObClass =
  | 'Assertion'
  | 'BadgeClass'
  | 'Profile'
  | 'CryptographicKey'
  | 'RevocationList'
  | 'AlignmentObject'
  | 'Other';

export function classOf(types: readonly string[]): ObClass {
  if (types.includes(OB_CLASS.Assertion)) return 'Assertion';
  if (types.includes(OB_CLASS.BadgeClass)) return 'BadgeClass';
  if (types.includes(OB_CLASS.Issuer) || types.includes(OB_CLASS.Profile)) return 'Profile';
  if (types.includes(OB_CLASS.CryptographicKey)) return 'CryptographicKey';
  if (types.includes(OB_CLASS.RevocationList)) return 'RevocationList';
  if (types.includes(OB_CLASS.AlignmentObject)) return 'AlignmentObject';
  return 'Other';
}

const classWords: Record<ObClass, string> = {
  Assertion: 'an awarded badge (Assertion)',
  BadgeClass: 'a badge description (BadgeClass)',
  Profile: 'an issuer profile',
  CryptographicKey: 'a signing key',
  RevocationList: 'a revocation list',
  AlignmentObject: 'an alignment to a framework (AlignmentObject)',
  Other: 'another kind of data',
};

export function describeTypes(node: Record<string, unknown>): string {
  const types = readTypes(node);
  const raw = node.type;
  if (typeof types === 'string') return 'data of no known type';
  const cls = classOf(types);
  return cls === 'Other' ? `data of type ${JSON.stringify(raw)}` : classWords[cls];
}

type Envelope = { contextId: string; typeId: string; what: string; isEmbedded?: boolean };

/** Checks `@context` (unless embedded) and `type`; stops with a failed check when either is wrong. */
export function checkEnvelope(
  ctx: VerifyContext,
  node: Record<string, unknown>,
  envelope: Envelope,
): string[] {
  const context = envelope.isEmbedded ? undefined : contextProblem(node);
  if (context) stop(ctx, envelope.contextId, `${envelope.what} is not Open Badges 2.0 data`, context);
  const types = readTypes(node);
  if (typeof types === 'string') stop(ctx, envelope.typeId, `${envelope.what} has an unknown type`, types);
  return types;
}
