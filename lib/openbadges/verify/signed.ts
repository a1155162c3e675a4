import { OB_CLASS } from '@/lib/openbadges/ob2/vocabulary';
import { type Assertion, readAssertion } from './assertion';
import { stop, type VerifyContext } from './context';
import { checkEnvelope, classOf } from './envelope';
import { findExtensions } from './extensions';
import { fetchJsonNode, isRecord } from './fetch-json';
import { type Issuer, loadBadgeClass, loadIssuer } from './issuer';
import { type Jws, parseJws, verifyRs256 } from './jws';
import { type LinkedNode, sameUrl, warnIfRedirected } from './links';
import { keySchema, problemsOf, revocationListSchema } from './schemas';
import { checkRecipient, checkTimestamps } from './timestamps';

const asList = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];
const idOf = (value: unknown) => (isRecord(value) ? value.id : value);

/**
 * The key named by `verification.creator` must be one the issuer lists in `publicKey` (spec: never
 * trust keys the profile does not link), must not belong to someone else, and must verify the JWS.
 */
async function checkSignature(ctx: VerifyContext, jws: Jws, creator: string, issuer: Issuer) {
  const label = 'The signature cannot be trusted';
  const listed = asList(issuer.node.publicKey).map(idOf);
  if (!listed.some((key) => typeof key === 'string' && sameUrl(key, creator))) {
    stop(
      ctx,
      'signature',
      label,
      `It was made with the key ${creator}, which ${issuer.name} does not list in its profile.`,
    );
  }
  const { node: key, resource } = await fetchJsonNode(ctx, creator, 'signature', 'The signing key');
  warnIfRedirected(ctx, 'The signing key', resource);
  const types =
    key.type === undefined
      ? [OB_CLASS.CryptographicKey]
      : checkEnvelope(ctx, key, { contextId: 'signature', typeId: 'signature', what: 'The signing key' });
  const problems = problemsOf(keySchema, key);
  if (classOf(types) !== 'CryptographicKey' || problems.length > 0) {
    stop(
      ctx,
      'signature',
      label,
      `${creator} does not hold a public key${problems.length ? ` (${problems.join('; ')})` : ''}.`,
    );
  }
  if (typeof key.owner === 'string' && !sameUrl(key.owner, issuer.id)) {
    stop(ctx, 'signature', label, `The key at ${creator} belongs to ${key.owner}, not to ${issuer.name}.`);
  }
  const result = verifyRs256(jws, String(key.publicKeyPem));
  if (result === 'valid') {
    ctx.checks.pass(
      'signature',
      `Signed by ${issuer.name}`,
      `The signature matches the key ${issuer.name} publishes at ${creator}.`,
    );
  } else if (result === 'bad-alg') {
    stop(ctx, 'signature', label, `It uses ${String(jws.header.alg)}; Open Badges 2.0 signatures use RS256.`);
  } else if (result === 'bad-key') {
    stop(ctx, 'signature', label, `${creator} does not hold a usable RSA public key.`);
  } else {
    stop(
      ctx,
      'signature',
      'The signature does not match',
      'The badge was changed after it was signed, or was not signed with the issuer’s key.',
    );
  }
}

/** A signed badge is revoked when its issuer's revocation list names its id (or legacy uid). */
async function checkRevocationList(ctx: VerifyContext, assertion: Assertion, issuer: Issuer) {
  const url = issuer.node.revocationList;
  if (typeof url !== 'string') {
    ctx.checks.pass('revoked', 'Not revoked', `${issuer.name} does not publish a revocation list.`);
    return;
  }
  const what = "The issuer's revocation list";
  const { node: list, resource } = await fetchJsonNode(ctx, url, 'revoked', what);
  warnIfRedirected(ctx, what, resource);
  const types = checkEnvelope(ctx, list, { contextId: 'revoked', typeId: 'revoked', what });
  const problems = problemsOf(revocationListSchema, list);
  if (classOf(types) !== 'RevocationList' || problems.length > 0) {
    stop(
      ctx,
      'revoked',
      `${what} could not be read`,
      `${url} is not a revocation list${problems.length ? ` (${problems.join('; ')})` : ''}.`,
    );
  }
  const uid = assertion.node.uid;
  const entry = asList(list.revokedAssertions).find((item) =>
    isRecord(item)
      ? item.id === assertion.id || (uid !== undefined && item.uid === uid)
      : item === assertion.id,
  );
  if (entry === undefined || (isRecord(entry) && entry.revoked === false)) {
    ctx.checks.pass(
      'revoked',
      'Not revoked',
      `${issuer.name}'s revocation list does not include this badge.`,
    );
    return;
  }
  const reason =
    isRecord(entry) && typeof entry.revocationReason === 'string' ? entry.revocationReason : undefined;
  if (reason) ctx.badge.revocationReason = reason;
  ctx.checks.fail(
    'revoked',
    'Revoked by the issuer',
    `${issuer.name}'s revocation list includes this badge. ${reason ? `The reason given: ${reason}` : 'No reason was given.'}`,
  );
}

/** Signed verification of a compact JWS whose payload is an OB 2.0 Assertion. */
export async function verifySigned(ctx: VerifyContext, token: string): Promise<void> {
  const jws = parseJws(token);
  if (typeof jws === 'string') stop(ctx, 'signature', 'The signed badge could not be read', jws);
  const assertion = readAssertion(ctx, jws.payload);
  if (!assertion.isSigned || !assertion.creator) {
    stop(
      ctx,
      'signature',
      'The signature cannot be checked',
      'The signed badge does not name the key it was signed with (verification.creator).',
    );
  }
  const root: LinkedNode = { node: assertion.node, hosts: [], isEmbedded: false };
  const badge = await loadBadgeClass(ctx, assertion.badge, root);
  const issuer = await loadIssuer(ctx, badge);
  await checkSignature(ctx, jws, assertion.creator, issuer);
  await checkRevocationList(ctx, assertion, issuer);
  checkTimestamps(ctx, assertion);
  checkRecipient(ctx, assertion);
  findExtensions(ctx, assertion.node);
}
