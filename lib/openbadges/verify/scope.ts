import type { VerifyContext } from './context';
import { isRecord } from './fetch-json';
import type { Issuer } from './issuer';
import { hostOf } from './links';
import { isHttpUrl } from './values';

const asStrings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (item) => typeof item === 'string',
  );

/**
 * Hosted verification trusts a badge only at addresses its issuer vouches for: those starting with
 * one of its `startsWith` prefixes, on one of its `allowedOrigins` hosts, and by default on the
 * host of the issuer's own id (1EdTech VerificationDependenciesProbe; OVC
 * hosted_id_in_verification_scope). Hosts are compared without the scheme, as they do.
 */
export function checkHostedScope(ctx: VerifyContext, assertionId: string, issuer: Issuer): void {
  const policy = isRecord(issuer.node.verification) ? issuer.node.verification : {};
  const assertionHost = hostOf(assertionId) ?? assertionId;
  const label = 'Not hosted where its issuer says its badges live';
  const startsWith = asStrings(policy.startsWith);
  if (startsWith.length > 0 && !startsWith.some((prefix) => assertionId.startsWith(prefix))) {
    ctx.checks.fail(
      'issuer-scope',
      label,
      `The badge is at ${assertionId}, but ${issuer.name} only vouches for badges at addresses starting with ${startsWith.join(' or ')}.`,
    );
    return;
  }
  const declared = asStrings(policy.allowedOrigins).map((host) => host.toLowerCase());
  // A non-http issuer id has no host; the issuer-id warning says so, and the host that served the
  // profile stands in for it.
  const issuerHost = hostOf(isHttpUrl(issuer.id) ? issuer.id : issuer.source);
  const allowed = declared.length > 0 ? declared : issuerHost ? [issuerHost] : [];
  if (!allowed.includes(assertionHost.toLowerCase())) {
    ctx.checks.fail(
      'issuer-scope',
      label,
      `The badge is hosted at ${assertionHost}, but ${issuer.name} only vouches for badges hosted at ${allowed.join(' or ') || 'no web address'}.`,
    );
    return;
  }
  ctx.checks.pass(
    'issuer-scope',
    `Issued by ${issuer.name}, who hosts this badge at ${assertionHost}`,
    `The badge is published at ${assertionId}, an address ${issuer.name} vouches for.`,
  );
}
