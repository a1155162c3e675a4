import { problem } from '@/lib/api/problem';
import { formatBytes } from '@/lib/net/read-body';
import { BODY_LIMITS } from './limits';

export { BODY_LIMITS };

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

/** Reads the body chunk by chunk, throwing BodyTooLargeError at the first byte past `limit`. */
async function readChunks(request: Request, limit: number, onChunk: (chunk: Uint8Array) => void) {
  if ((declaredLength(request) ?? 0) > limit) {
    await request.body?.cancel().catch(() => {});
    throw new BodyTooLargeError(limit);
  }
  if (!request.body) return 0;
  const reader = request.body.getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return total;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(limit);
    }
    onChunk(value);
  }
}

/**
 * The whole body as bytes, or BodyTooLargeError as soon as more than `limit` bytes are declared
 * or have arrived. The stream is cancelled at that point, so the rest is never buffered.
 */
export async function readLimitedBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  const total = await readChunks(request, limit, (chunk) => chunks.push(chunk));
  return new Uint8Array(Buffer.concat(chunks, total));
}

/** Whether the body is over `limit`, counted without keeping it (proxy.ts sees only a copy). */
export async function isBodyOverLimit(request: Request, limit: number): Promise<boolean> {
  try {
    await readChunks(request, limit, () => {});
    return false;
  } catch (error) {
    if (isBodyTooLarge(error)) return true;
    throw error;
  }
}

/** The body as UTF-8 text, with the limits of `readLimitedBody`. */
export async function readLimitedText(request: Request, limit: number): Promise<string> {
  return new TextDecoder().decode(await readLimitedBody(request, limit));
}
