import type { z } from 'zod';
import type { VerifyContext } from './context';
import { checkEnvelope, classOf, describeTypes, type ObClass } from './envelope';
import { findExtensions } from './extensions';
import { checkBadgeClass, checkIssuer, loadIssuer } from './issuer';
import type { LinkedNode } from './links';
import { alignmentSchema, keySchema, problemsOf, revocationListSchema } from './schemas';

const schemaFor: Partial<Record<ObClass, z.ZodType>> = {
  AlignmentObject: alignmentSchema,
  CryptographicKey: keySchema,
  RevocationList: revocationListSchema,
};

/**
 * Open Badges data that is not an awarded badge (a BadgeClass, an issuer Profile, an alignment,
 * a key, or a class from another vocabulary) is checked for what it is: structure and, for a badge
 * class, its issuer. The reference validator reports such documents valid when they are sound,
 * and so does the verdict here; a skipped 'kind' check tells the reader nobody's award was proven.
 */
export async function verifyStandalone(ctx: VerifyContext, data: LinkedNode): Promise<void> {
  const { node } = data;
  const types = checkEnvelope(ctx, node, { contextId: 'context', typeId: 'type', what: 'This data' });
  const cls = classOf(types);
  const checked = cls === 'BadgeClass' ? 'its structure and its issuer were' : 'only its structure was';
  ctx.checks.skip(
    'kind',
    'Not an awarded badge',
    `This is ${describeTypes(node)}, not a badge awarded to someone, so ${checked} checked.`,
  );
  if (cls === 'BadgeClass') {
    checkBadgeClass(ctx, data);
    await loadIssuer(ctx, data);
    return;
  }
  if (cls === 'Profile') {
    checkIssuer(ctx, data);
    return;
  }
  const schema = schemaFor[cls];
  const problems = schema ? problemsOf(schema, node) : [];
  if (problems.length > 0) {
    ctx.checks.fail('structure', 'The data is incomplete or malformed', `${problems.join('; ')}.`);
    return;
  }
  const detail =
    cls === 'Other'
      ? 'Its type is the web address of a class outside Open Badges, which is valid linked data.'
      : 'It has every property Open Badges 2.0 requires of it.';
  ctx.checks.pass('structure', 'The data follows Open Badges 2.0', detail);
  findExtensions(ctx, node);
}
