import { gunzipSync, gzipSync } from 'node:zlib';

/** W3C Bitstring Status List: a list holds at least 16 KB of bits (131,072 entries) for herd privacy. */
export const MIN_LIST_BITS = 131_072;
/** The most a verifier inflates: a larger list is refused as a probable gzip bomb. */
export const MAX_DECODED_BYTES = 16 * 1024 * 1024;
/** An encodedList longer than this cannot be a sane compressed list of at most MAX_DECODED_BYTES. */
const MAX_ENCODED_CHARS = 4 * 1024 * 1024;

/**
 * The `encodedList` for a list of `size` bits with the bits at `setIndexes` set: GZIP-compressed,
 * base64url without padding, multibase prefix `u`. Index 0 is the most significant bit of the
 * first byte (Bitstring Status List v1.0, "Bitstring Encoding").
 */
export function encodeBitstring(size: number, setIndexes: Iterable<number>): string {
  const bytes = new Uint8Array(Math.ceil(size / 8));
  for (const index of setIndexes) {
    if (!Number.isInteger(index) || index < 0 || index >= size)
      throw new RangeError(`index ${index} is outside the list`);
    bytes[index >> 3] = (bytes[index >> 3] ?? 0) | (0x80 >> (index & 7));
  }
  return `u${gzipSync(bytes).toString('base64url')}`;
}

export type DecodedBitstring = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

/**
 * Decodes an `encodedList` (multibase base64url, or plain base64url as StatusList2021 lists
 * often are), refusing anything that inflates past MAX_DECODED_BYTES.
 */
export function decodeBitstring(encoded: string): DecodedBitstring {
  if (encoded.length > MAX_ENCODED_CHARS) return { ok: false, reason: 'the encoded list is too long' };
  const text = encoded.startsWith('u') ? encoded.slice(1) : encoded;
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) return { ok: false, reason: 'the list is not base64url' };
  const compressed = Buffer.from(text, 'base64url');
  try {
    return {
      ok: true,
      bytes: new Uint8Array(gunzipSync(compressed, { maxOutputLength: MAX_DECODED_BYTES })),
    };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      return { ok: false, reason: `the list inflates past ${MAX_DECODED_BYTES / 1024 / 1024} MB (refused)` };
    }
    return { ok: false, reason: 'the list is not GZIP-compressed data' };
  }
}

/**
 * The status value at `index` (statusSize bits wide, most significant bit first), or null when
 * the index lies beyond the list.
 */
export function readStatus(bytes: Uint8Array, index: number, statusSize = 1): number | null {
  const first = index * statusSize;
  if (first + statusSize > bytes.length * 8) return null;
  let value = 0;
  for (let bit = first; bit < first + statusSize; bit++) {
    value = value * 2 + (((bytes[bit >> 3] ?? 0) >> (7 - (bit & 7))) & 1);
  }
  return value;
}
