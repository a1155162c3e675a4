import { stop, type VerifyContext } from './context';
import { checkEnvelope, classOf, describeTypes } from './envelope';
import { findExtensions } from './extensions';
import { isRecord } from './fetch-json';
import { followLink, hostOf, type LinkedNode } from './links';
import { badgeClassSchema, problemsOf, profileSchema } from './schemas';
import { isHttpUrl } from './values';

export type Issuer = LinkedNode & { id: string; name: string };

/** An image worth showing: a web address, or an image embedded as a data: URI. */
export function imageUrl(image: unknown): string | undefined {
  const id = isRecord(image) ? image.id : image;
  return isHttpUrl(id) || (typeof id === 'string' && /^data:image\//i.test(id)) ? id : undefined;
}

const where = (linked: LinkedNode) => (linked.source ? `at ${linked.source}` : 'in the data given');

/** Checks a badge class's type and required properties; stops the verification if they are wrong. */
export function checkBadgeClass(ctx: VerifyContext, badge: LinkedNode): void {
  const what = 'The badge description';
  const types = checkEnvelope(ctx, badge.node, {
    contextId: 'badge-class',
    typeId: 'badge-class',
    what,
    isEmbedded: badge.isEmbedded,
  });
  if (classOf(types) !== 'BadgeClass') {
    stop(
      ctx,
      'badge-class',
      `${what} is not a badge class`,
      `What is ${where(badge)} is ${describeTypes(badge.node)}.`,
    );
  }
  const problems = problemsOf(badgeClassSchema, badge.node);
  if (problems.length > 0) stop(ctx, 'badge-class', `${what} is incomplete`, `${problems.join('; ')}.`);
  const name = String(badge.node.name);
  ctx.badge.name = name;
  ctx.badge.description = String(badge.node.description);
  ctx.badge.image ??= imageUrl(badge.node.image);
  ctx.checks.pass(
    'badge-class',
    `Badge: ${name}`,
    `The badge is described ${where(badge)}, with everything a badge class needs.`,
  );
  findExtensions(ctx, badge.node);
}

export async function loadBadgeClass(
  ctx: VerifyContext,
  ref: unknown,
  parent: LinkedNode,
): Promise<LinkedNode> {
  const badge = await followLink(ctx, ref, parent, { id: 'badge-class', what: 'The badge description' });
  checkBadgeClass(ctx, badge);
  return badge;
}

/**
 * Checks an issuer profile. A fetched profile's id must be on the host that served it: an issuer
 * is known by its web address, so a profile served from elsewhere would be an impersonation.
 */
export function checkIssuer(ctx: VerifyContext, issuer: LinkedNode): Issuer {
  const what = "The issuer's profile";
  const types = checkEnvelope(ctx, issuer.node, {
    contextId: 'issuer',
    typeId: 'issuer',
    what,
    isEmbedded: issuer.isEmbedded,
  });
  if (classOf(types) !== 'Profile') {
    stop(
      ctx,
      'issuer',
      `${what} is not an issuer profile`,
      `What is ${where(issuer)} is ${describeTypes(issuer.node)}.`,
    );
  }
  const problems = problemsOf(profileSchema, issuer.node);
  if (problems.length > 0) stop(ctx, 'issuer', `${what} is incomplete`, `${problems.join('; ')}.`);
  const id = String(issuer.node.id);
  const name = String(issuer.node.name);
  const idHost = hostOf(id);
  if (issuer.source && idHost && !issuer.hosts.includes(idHost)) {
    stop(
      ctx,
      'issuer',
      `${what} is not where it says it is`,
      `It was served from ${issuer.source} but claims to be ${id}.`,
    );
  }
  if (!isHttpUrl(id)) {
    const fallback = issuer.source
      ? ` Laurel used the address its profile was served from, ${issuer.source}.`
      : '';
    ctx.checks.warn(
      'issuer-id',
      'The issuer is not identified by a web address',
      `The issuer's id is ${id}, not an http(s) address, so it cannot be tied to a website.${fallback}`,
    );
  }
  ctx.badge.issuerName = name;
  if (isHttpUrl(issuer.node.url)) ctx.badge.issuerUrl = issuer.node.url;
  ctx.checks.pass('issuer', `Issuer: ${name}`, `${name} publishes its profile ${where(issuer)}.`);
  findExtensions(ctx, issuer.node);
  return { ...issuer, id, name };
}

export async function loadIssuer(ctx: VerifyContext, badge: LinkedNode): Promise<Issuer> {
  return checkIssuer(
    ctx,
    await followLink(ctx, badge.node.issuer, badge, { id: 'issuer', what: "The issuer's profile" }),
  );
}
