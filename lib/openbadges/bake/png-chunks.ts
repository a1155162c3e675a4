import { crc32 } from 'node:zlib';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const MAX_CHUNK_LENGTH = 0x7fffffff;

export type PngChunk = {
  type: string;
  /** Offset of the chunk's length field; `end` is just past its CRC. */
  start: number;
  end: number;
  data: Uint8Array;
};

export type PngProblem = 'not-png' | 'truncated' | 'bad-crc' | 'bad-ihdr';

export function hasPngSignature(bytes: Uint8Array): boolean {
  return bytes.length >= SIGNATURE.length && SIGNATURE.every((byte, i) => bytes[i] === byte);
}

/** Every chunk up to and including IEND; bytes after IEND are left to the caller. */
export function readChunks(png: Uint8Array, fail: (problem: PngProblem) => never): PngChunk[] {
  if (!hasPngSignature(png)) fail('not-png');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: PngChunk[] = [];
  let offset = SIGNATURE.length;
  for (;;) {
    if (offset + 12 > png.length) fail('truncated');
    const length = view.getUint32(offset);
    const typeBytes = png.subarray(offset + 4, offset + 8);
    const type = String.fromCharCode(...typeBytes);
    const end = offset + 12 + length;
    if (length > MAX_CHUNK_LENGTH || !/^[A-Za-z]{4}$/.test(type) || end > png.length) fail('truncated');
    if (crc32(png.subarray(offset + 4, end - 4)) !== view.getUint32(end - 4)) fail('bad-crc');
    if ((chunks.length === 0) !== (type === 'IHDR') || (type === 'IHDR' && length !== 13)) fail('bad-ihdr');
    chunks.push({ type, start: offset, end, data: png.subarray(offset + 8, end - 4) });
    if (type === 'IEND') return chunks;
    offset = end;
  }
}

export function encodeChunk(type: string, data: Uint8Array): Uint8Array {
  const chunk = new Uint8Array(data.length + 12);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(new TextEncoder().encode(type), 4);
  chunk.set(data, 8);
  view.setUint32(chunk.length - 4, crc32(chunk.subarray(4, chunk.length - 4)));
  return chunk;
}

/** A text chunk's keyword: 1–79 Latin-1 bytes, then a NUL. */
export function textKeyword(chunk: PngChunk): string | undefined {
  if (chunk.type !== 'tEXt' && chunk.type !== 'iTXt' && chunk.type !== 'zTXt') return undefined;
  const nul = chunk.data.subarray(0, 80).indexOf(0);
  return nul < 0 ? undefined : String.fromCharCode(...chunk.data.subarray(0, nul));
}
