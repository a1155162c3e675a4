import type { RecipientIdentity } from '@/lib/openbadges/ob2/identity';
import { stop, type VerifyContext } from './context';
import { checkEnvelope, classOf, readTypes } from './envelope';
import { isRecord } from './fetch-json';
import { imageUrl } from './issuer';
import { assertionSchema, problemsOf } from './schemas';

export type Assertion = {
  node: Record<string, unknown>;
  id: string;
  isSigned: boolean;
  creator?: string;
  recipient: RecipientIdentity;
  badge: unknown;
  issuedOn: string;
  expires?: string;
};

/** `verify` is the OB 2.0 context's alias of `verification`. */
function withVerification(node: Record<string, unknown>): Record<string, unknown> {
  if (node.verification !== undefined || node.verify === undefined) return node;
  return { ...node, verification: node.verify };
}

/** Whether `node` declares itself an Assertion (whatever else is wrong with it). */
export function isAssertion(node: Record<string, unknown>): boolean {
  const types = readTypes(node);
  return typeof types !== 'string' && classOf(types) === 'Assertion';
}

/** Whether an assertion says it is verified by signature rather than by its hosted copy. */
export function isSignedAssertion(node: Record<string, unknown>): boolean {
  const verification = withVerification(node).verification;
  const type = isRecord(verification) ? verification.type : undefined;
  return type === 'signed' || type === 'SignedBadge' || type === 'https://w3id.org/openbadges#SignedBadge';
}

/**
 * Reads an assertion after checking its @context, type and required properties; stops the
 * verification with a failed check when it is not a well-formed OB 2.0 Assertion.
 */
export function readAssertion(ctx: VerifyContext, raw: Record<string, unknown>): Assertion {
  const node = withVerification(raw);
  const types = checkEnvelope(ctx, node, { contextId: 'context', typeId: 'type', what: 'This badge' });
  if (classOf(types) !== 'Assertion') {
    stop(ctx, 'type', 'This is not an awarded badge', 'Its type does not include Assertion.');
  }
  if (typeof node.id === 'string') ctx.badge.assertionId = node.id;
  const problems = problemsOf(assertionSchema, node);
  if (problems.length > 0) {
    stop(ctx, 'structure', 'The badge data is incomplete or malformed', `${problems.join('; ')}.`);
  }
  const verification = node.verification as { type: string; creator?: string };
  const recipient = node.recipient as RecipientIdentity;
  const assertion: Assertion = {
    node,
    id: node.id as string,
    isSigned: isSignedAssertion(node),
    creator: verification.creator,
    recipient,
    badge: node.badge,
    issuedOn: node.issuedOn as string,
    expires: node.expires as string | undefined,
  };
  if (!ctx.found.document) ctx.found = { document: node, kind: 'ob2', identities: [recipient] };
  ctx.badge.issuedOn = assertion.issuedOn;
  if (assertion.expires) ctx.badge.expires = assertion.expires;
  ctx.badge.image = imageUrl(node.image) ?? ctx.badge.image;
  ctx.checks.pass(
    'structure',
    'The badge data follows Open Badges 2.0',
    'It names a recipient, a badge, an issue date and how to verify it.',
  );
  return assertion;
}
