import { createPublicKey, verify } from 'node:crypto';
import { isRecord, parseJson } from './fetch-json';

/** A compact JWS: three base64url parts. OB 2.0 signed badges are these, with an Assertion payload. */
export const JWS_PATTERN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export type Jws = {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
};

function decodePart(part: string): Record<string, unknown> | undefined {
  const parsed = parseJson(Buffer.from(part, 'base64url').toString('utf8'));
  return parsed.ok && isRecord(parsed.value) ? parsed.value : undefined;
}

/** The parts of a compact JWS, or a sentence saying why it cannot be read (spec: then invalid). */
export function parseJws(token: string): Jws | string {
  const compact = token.trim();
  if (!JWS_PATTERN.test(compact))
    return 'The signed badge is not a compact JWS (three parts separated by dots).';
  const [headerPart = '', payloadPart = '', signaturePart = ''] = compact.split('.');
  const header = decodePart(headerPart);
  if (!header) return 'The header of the signed badge could not be read.';
  const payload = decodePart(payloadPart);
  if (!payload) return 'The content of the signed badge is not a JSON object.';
  return {
    header,
    payload,
    signingInput: `${headerPart}.${payloadPart}`,
    signature: Buffer.from(signaturePart, 'base64url'),
  };
}

/**
 * Checks an RS256 signature with a PEM public key. Only RS256 is accepted: it is what OB 2.0
 * prescribes, and trusting the header's `alg` otherwise invites `none` and key-confusion tricks.
 */
export function verifyRs256(jws: Jws, publicKeyPem: string): 'valid' | 'invalid' | 'bad-key' | 'bad-alg' {
  if (jws.header.alg !== 'RS256') return 'bad-alg';
  try {
    const key = createPublicKey(publicKeyPem);
    if (key.asymmetricKeyType !== 'rsa') return 'bad-key';
    return verify('sha256', Buffer.from(jws.signingInput), key, jws.signature) ? 'valid' : 'invalid';
  } catch {
    return 'bad-key';
  }
}
