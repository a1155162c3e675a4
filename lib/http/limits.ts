/**
 * How much each kind of request may send. Nothing reads more than this into memory: a body is
 * refused from its Content-Length when it declares one, and as soon as the stream passes the limit
 * when it does not (chunked uploads).
 */
export const BODY_LIMITS = {
  /** A view or share beacon is a few bytes of JSON. */
  events: 64 * 1024,
  /** Auth.js's own forms (sign-out, CSRF-checked callbacks) are a few short fields. */
  auth: 64 * 1024,
  /** Any issuer API request without a file in it. */
  api: 1024 * 1024,
  /** A template carries its image as base64: 2 MB of file is about 2.7 MB of text. */
  template: 3 * 1024 * 1024,
  /** A bulk award of the documented maximum, 1,000 awards, at up to 10 KB each. */
  bulk: 10 * 1024 * 1024,
  /** A server action: /verify takes baked images up to 5 MB (Next's serverActions.bodySizeLimit). */
  action: 6 * 1024 * 1024,
} as const;
