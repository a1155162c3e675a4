import { VC_V1_CONTEXT, VC_V2_CONTEXT } from '@/lib/openbadges/vc/contexts';
import { isRecord } from '../fetch-json';

export type VcVersion = '1.1' | '2.0';

export const asList = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];

export const typesOf = (node: unknown): string[] =>
  isRecord(node) ? asList(node.type ?? node['@type']).filter((t) => typeof t === 'string') : [];

export const idOf = (value: unknown): string | undefined => {
  const id = isRecord(value) ? value.id : value;
  return typeof id === 'string' ? id : undefined;
};

/** The VC data model a credential follows, read from its first @context (the spec's rule). */
export function vcVersion(node: Record<string, unknown>): VcVersion | undefined {
  const first = asList(node['@context'])[0];
  if (first === VC_V2_CONTEXT) return '2.0';
  if (first === VC_V1_CONTEXT) return '1.1';
  return undefined;
}

/**
 * Whether JSON is a verifiable credential (Open Badges 3.0, CLR 2.0 or another VC): it names a VC
 * context anywhere or says it is a VerifiableCredential. Misplaced contexts are reported later.
 */
export function isCredentialJson(node: Record<string, unknown>): boolean {
  const contexts = asList(node['@context']);
  return (
    contexts.includes(VC_V2_CONTEXT) ||
    contexts.includes(VC_V1_CONTEXT) ||
    typesOf(node).includes('VerifiableCredential')
  );
}

/** The credential inside a VC-JWT payload: the `vc` claim (VC 1.1 style) or the payload itself. */
export function credentialOfJwt(payload: Record<string, unknown>): Record<string, unknown> | undefined {
  if (isRecord(payload.vc)) return payload.vc;
  return isCredentialJson(payload) ? payload : undefined;
}
