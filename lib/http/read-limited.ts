import { problem } from '@/lib/api/problem';
import { formatBytes } from '@/lib/net/read-body';

/**
 * How much each kind of request may send. Nothing reads more than this into memory: a body is
 * refused from its Content-Length when it declares one, and as soon as the stream passes the limit
 * when it does not (chunked uploads).
 */
export const BODY_LIMITS = {
  /** A view or share beacon is a few bytes of JSON. */
  events: 64 * 1024,
  /** Any issuer API request without a file in it. */
  api: 1024 * 1024,
  /** A template carries its image as base64: 2 MB of file is about 2.7 MB of text. */
  template: 3 * 1024 * 1024,
  /** A bulk award of the documented maximum, 1,000 awards, at up to 10 KB each. */
  bulk: 10 * 1024 * 1024,
} as const;

/** A request body over its limit; route handlers answer it with `tooLargeProblem`. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${formatBytes(limit)}.`);
    this.name = 'BodyTooLargeError';
  }
}

export const isBodyTooLarge = (error: unknown): error is BodyTooLargeError =>
  error instanceof BodyTooLargeError;

/** 413 problem+json naming the limit, so a client knows what to send instead. */
export const tooLargeProblem = (error: BodyTooLargeError): Response =>
  problem({ status: 413, detail: `${error.message} Send at most ${formatBytes(error.limit)}.` });

/** The declared length when the header is a plain number; anything else is left to the stream. */
function declaredLength(request: Request): number | null {
  const header = request.headers.get('content-length');
  return header && /^\d+$/.test(header.trim()) ? Number(header) : null;
}

/**
 * The whole body as bytes, or BodyTooLargeError as soon as more than `limit` bytes are declared
 * or have arrived. The stream is cancelled at that point, so the rest is never buffered.
 */
export async function readLimitedBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  if ((declaredLength(request) ?? 0) > limit) {
    await request.body?.cancel().catch(() => {});
    throw new BodyTooLargeError(limit);
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}

/** The body as UTF-8 text, with the limits of `readLimitedBody`. */
export async function readLimitedText(request: Request, limit: number): Promise<string> {
  return new TextDecoder().decode(await readLimitedBody(request, limit));
}
