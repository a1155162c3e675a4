import { isAssertion, isSignedAssertion, readAssertion } from './assertion';
import { stop, type VerifyContext } from './context';
import { isRecord, parseJson } from './fetch-json';
import { verifyHosted } from './hosted';
import { JWS_PATTERN } from './jws';
import { verifySigned } from './signed';
import { verifyStandalone } from './standalone';
import { isHttpUrl } from './values';
import { verifyCredentialJson, verifyCredentialJwt } from './vc/credential';
import { isCredentialJson } from './vc/detect';
import { isVcJwt } from './vc/jwt';

/** What a text turned out to hold: a signed badge, badge JSON, or (legacy baking) a badge URL. */
export type Payload =
  | { kind: 'jws'; token: string }
  | { kind: 'url'; url: string }
  | { kind: 'json'; node: Record<string, unknown> };

/** Tells a JWS, a URL and JSON apart; stops with a failed 'input' check when it is none of them. */
export function readPayload(ctx: VerifyContext, text: string, what: string): Payload {
  const trimmed = text.trim();
  if (trimmed === '') stop(ctx, 'input', 'Nothing to verify', `${what} is empty.`);
  if (JWS_PATTERN.test(trimmed)) return { kind: 'jws', token: trimmed };
  if (isHttpUrl(trimmed)) return { kind: 'url', url: trimmed };
  const parsed = parseJson(trimmed);
  if (!parsed.ok) {
    stop(
      ctx,
      'input',
      'Not badge data',
      `${what} is neither a badge web address, a signed badge nor valid JSON (${parsed.reason}).`,
    );
  }
  if (!isRecord(parsed.value))
    stop(ctx, 'input', 'Not badge data', `${what} is JSON, but not a JSON object.`);
  return { kind: 'json', node: parsed.value };
}

/**
 * Verifies what was read from the input. Verifiable credentials (OB 3.0, CLR 2.0, as JSON-LD or
 * VC-JWT) carry their own proof and are checked as such. Hosted badge JSON is never trusted: only its id is used,
 * to fetch the issuer's copy (spec, HostedBadge verification). `isBaked` marks JSON found in an
 * image, which must then match that copy.
 */
export async function verifyPayload(ctx: VerifyContext, payload: Payload, isBaked = false): Promise<void> {
  if (payload.kind === 'jws') {
    return isVcJwt(payload.token)
      ? verifyCredentialJwt(ctx, payload.token)
      : verifySigned(ctx, payload.token);
  }
  if (payload.kind === 'url') return verifyHosted(ctx, payload.url);
  const { node } = payload;
  if (isCredentialJson(node)) return verifyCredentialJson(ctx, node);
  if (!isAssertion(node)) return verifyStandalone(ctx, { node, hosts: [], isEmbedded: false });
  if (isSignedAssertion(node)) {
    readAssertion(ctx, node);
    stop(
      ctx,
      'signature',
      'The signature is missing',
      'This badge must be checked with its signature, which was not included. Use the signed badge (its image file or JWS) instead.',
    );
  }
  if (!isHttpUrl(node.id)) {
    readAssertion(ctx, node);
    stop(
      ctx,
      'fetched',
      'The badge cannot be checked with its issuer',
      `It says it is hosted by its issuer, but its id (${String(node.id)}) is not a web address.`,
    );
  }
  return verifyHosted(ctx, node.id, isBaked ? node : undefined);
}
