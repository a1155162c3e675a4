import { FetchError, type FetchedResource } from '@/lib/net/types';
import { isAssertion, readAssertion } from './assertion';
import { compareBaked } from './baked';
import { stop, stopUnreachable, type VerifyContext } from './context';
import { findExtensions } from './extensions';
import { describeStatus, fetchResource, isHostTrouble, isUnreachable, readJsonObject } from './fetch-json';
import { loadBadgeClass, loadIssuer } from './issuer';
import { hostsOf, type LinkedNode, sameUrl } from './links';
import { checkHostedScope } from './scope';
import { verifyStandalone } from './standalone';
import { checkRecipient, checkTimestamps } from './timestamps';
import { isHttpUrl } from './values';
import { verifyCredentialJson } from './vc/credential';
import { isCredentialJson } from './vc/detect';

async function fetchOrStop(ctx: VerifyContext, url: string): Promise<FetchedResource> {
  try {
    return await fetchResource(ctx, url);
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    const label = "The issuer's copy could not be fetched";
    if (isUnreachable(error)) stopUnreachable(ctx, { id: 'fetched', label }, url, error.message);
    stop(ctx, 'fetched', 'The badge could not be fetched', error.message);
  }
}

function stopRevoked(ctx: VerifyContext, url: string, reason: unknown, how: string): never {
  ctx.badge.assertionId ??= url;
  ctx.checks.pass(
    'fetched',
    "Checked with the issuer's website",
    `Laurel asked ${url} for the issuer's copy.`,
  );
  if (typeof reason === 'string' && reason.trim()) ctx.badge.revocationReason = reason.trim();
  const why = ctx.badge.revocationReason ? `The reason given: ${ctx.badge.revocationReason}` : how;
  return stop(ctx, 'revoked', 'Revoked by the issuer', why);
}

/**
 * The issuer's copy of a hosted assertion: the only one the spec trusts. When the address given
 * is not the assertion's own id, the copy at the id is fetched instead (once). A 410 Gone answer
 * or a body saying `revoked: true` means the issuer revoked it.
 */
async function fetchHostedCopy(ctx: VerifyContext, url: string, isSecondTry = false): Promise<LinkedNode> {
  const resource = await fetchOrStop(ctx, url);
  const body = readJsonObject(resource);
  const node = typeof body === 'string' ? undefined : body;
  if (resource.status === 410)
    stopRevoked(ctx, url, node?.revocationReason, `${url} answers ${describeStatus(410)}.`);
  if (isHostTrouble(resource.status)) {
    const why = `${url} answered with ${describeStatus(resource.status)}; try again later.`;
    stopUnreachable(ctx, { id: 'fetched', label: "The issuer's copy could not be fetched" }, url, why);
  }
  if (resource.status < 200 || resource.status > 299) {
    stop(
      ctx,
      'fetched',
      'The badge could not be fetched',
      `${url} answered with ${describeStatus(resource.status)}.`,
    );
  }
  if (!node) return stop(ctx, 'fetched', 'The badge could not be read', String(body));
  if (node.revoked === true) stopRevoked(ctx, url, node.revocationReason, 'The issuer marks it as revoked.');
  const id = node.id;
  if (typeof id === 'string' && !sameUrl(id, url)) {
    if (isHttpUrl(id) && !isSecondTry && isAssertion(node)) return fetchHostedCopy(ctx, id, true);
    if (isAssertion(node)) {
      stop(
        ctx,
        'fetched',
        'The badge is not at its own address',
        `It was fetched from ${url} but says its address is ${id}.`,
      );
    }
  }
  if (typeof id === 'string' && !sameUrl(resource.finalUrl, id)) {
    ctx.checks.warn(
      'redirected',
      'Redirected to another address',
      `The badge's address is ${id}, but that web server sent Laurel on to ${resource.finalUrl}.`,
    );
  }
  ctx.checks.pass(
    'fetched',
    "Fetched from the issuer's website",
    `Laurel fetched the issuer's copy from ${url}.`,
  );
  return { node, source: resource.finalUrl, hosts: hostsOf(resource), isEmbedded: false };
}

/**
 * Hosted verification: the badge at `url` (its id), its badge class and issuer, the issuer's
 * verification policy, revocation, dates and recipient. `baked` is the copy found in an image
 * file, which must match the issuer's.
 */
export async function verifyHosted(
  ctx: VerifyContext,
  url: string,
  baked?: Record<string, unknown>,
): Promise<void> {
  if (!isHttpUrl(url)) stop(ctx, 'input', 'Not a web address', `${url} is not an http(s) address.`);
  const hosted = await fetchHostedCopy(ctx, url);
  if (isCredentialJson(hosted.node)) return verifyCredentialJson(ctx, hosted.node);
  if (!isAssertion(hosted.node)) return verifyStandalone(ctx, hosted);
  const assertion = readAssertion(ctx, hosted.node);
  if (assertion.isSigned) {
    stop(
      ctx,
      'signature',
      'The signature is missing',
      'This badge must be checked with its signature; use the signed badge (its image file or JWS) instead.',
    );
  }
  const badge = await loadBadgeClass(ctx, assertion.badge, hosted);
  const issuer = await loadIssuer(ctx, badge);
  checkHostedScope(ctx, assertion.id, issuer);
  ctx.checks.pass('revoked', 'Not revoked', `${issuer.name} still publishes this badge at its address.`);
  checkTimestamps(ctx, assertion);
  checkRecipient(ctx, assertion);
  findExtensions(ctx, assertion.node);
  if (baked) compareBaked(ctx, baked, assertion.node);
}
