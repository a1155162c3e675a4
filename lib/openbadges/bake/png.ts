import { inflateSync } from 'node:zlib';
import { BakeError, UnbakeError } from './errors';
import { type BadgePayload, classifyCredential, readCredential } from './payload';
import { encodeChunk, type PngChunk, type PngProblem, readChunks, textKeyword } from './png-chunks';

export { BakeError, UnbakeError } from './errors';

const KEYWORD = 'openbadges';
const OB3_KEYWORD = 'openbadgecredential';
/** Guards against a compressed chunk that inflates to something enormous. */
const MAX_INFLATED_BYTES = 4 * 1024 * 1024;

const bakeMessages: Record<PngProblem, string> = {
  'not-png': 'This file is not a PNG image',
  truncated: 'This PNG image is cut short or damaged',
  'bad-crc': 'This PNG image is damaged (a checksum does not match)',
  'bad-ihdr': 'This PNG image is damaged (its header is missing or out of place)',
};
const unbakeMessages: Record<PngProblem, string> = {
  ...bakeMessages,
  truncated: 'This PNG image is cut short or damaged, so its badge cannot be read',
};

/**
 * Returns a copy of the PNG holding exactly one uncompressed `openbadges` iTXt chunk, placed right after IHDR.
 * Earlier badge chunks (2.0 or 3.0) are dropped so the result never holds two; every other byte is kept.
 */
export function bakePng(png: Uint8Array, text: string): Uint8Array {
  if (text.trim() === '' || text.includes('\0'))
    throw new BakeError('There is no badge data to put in the image');
  return bakeTextChunk(png, KEYWORD, text);
}

/**
 * The Open Badges 3.0 form of `bakePng`: one uncompressed iTXt chunk `openbadgecredential` right after
 * IHDR whose text is the credential JSON or its compact VC-JWT, replacing any badge the image held.
 */
export function bakeCredentialPng(png: Uint8Array, credential: string): Uint8Array {
  const payload = classifyCredential(credential);
  if (!payload) throw new BakeError('The credential to put in the image is neither JSON nor a JWT');
  return bakeTextChunk(png, OB3_KEYWORD, 'jwt' in payload ? payload.jwt : payload.credential);
}

function bakeTextChunk(png: Uint8Array, keyword: string, text: string): Uint8Array {
  const chunks = readChunks(png, (problem) => {
    throw new BakeError(bakeMessages[problem]);
  });
  const kept = chunks.filter((chunk) => {
    const found = textKeyword(chunk);
    return found !== KEYWORD && found !== OB3_KEYWORD;
  });
  const header = new TextEncoder().encode(`${keyword}\0\0\0\0\0`);
  const body = new TextEncoder().encode(text);
  const data = new Uint8Array(header.length + body.length);
  data.set(header);
  data.set(body, header.length);
  const iend = chunks[chunks.length - 1] as PngChunk;
  const parts = [png.subarray(0, 8), ...kept.map((chunk) => png.subarray(chunk.start, chunk.end))];
  parts.splice(2, 0, encodeChunk('iTXt', data));
  parts.push(png.subarray(iend.end));
  return concat(parts);
}

/**
 * Chunks that draw the image (PNG 3rd edition and APNG): everything else — text (a baked badge,
 * a comment), EXIF, timestamps, private chunks — can carry what the image's owner would not show.
 */
const DRAWING_CHUNKS = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'cHRM',
  'gAMA',
  'iCCP',
  'sBIT',
  'sRGB',
  'cICP',
  'mDCV',
  'cLLI',
  'bKGD',
  'hIST',
  'pHYs',
  'acTL',
  'fcTL',
  'fdAT',
]);

/** The PNG with only the chunks that draw it: no badge, no text, nothing after IEND. */
export function pngPictureOnly(png: Uint8Array): Uint8Array {
  const chunks = readChunks(png, (problem) => {
    throw new BakeError(bakeMessages[problem]);
  });
  const kept = chunks.filter((chunk) => DRAWING_CHUNKS.has(chunk.type));
  return concat([png.subarray(0, 8), ...kept.map((chunk) => png.subarray(chunk.start, chunk.end))]);
}

export type PngBadge = BadgePayload & { warnings: string[] };

/**
 * Reads the badge after checking the whole PNG up to IEND: a 2.0 `openbadges` payload (JSON, JWS or
 * hosted URL) or a 3.0 `openbadgecredential` (JSON or VC-JWT). An image holding both is refused.
 */
export function readPngBadge(png: Uint8Array): PngBadge {
  const chunks = readChunks(png, (problem) => {
    throw new UnbakeError(unbakeMessages[problem]);
  });
  const ob2 = chunks.filter((chunk) => textKeyword(chunk) === KEYWORD);
  const ob3 = chunks.filter((chunk) => textKeyword(chunk) === OB3_KEYWORD);
  if (ob2.length > 0 && ob3.length > 0) {
    throw new UnbakeError(
      'This image holds both an Open Badges 2.0 badge and a 3.0 credential, so it cannot be trusted',
    );
  }
  const [chunk, ...others] = ob3.length > 0 ? ob3 : ob2;
  if (!chunk) throw new UnbakeError('This image has no Open Badge inside it');
  if (others.length > 0)
    throw new UnbakeError('This image holds more than one badge, which the standard forbids');
  const { text, isCompressed } = decodeTextChunk(chunk);
  const payload = text.trim();
  if (payload === '') throw new UnbakeError('The badge inside this image is empty');
  const warnings = isCompressed
    ? ['The badge data in this image is compressed, which the standard does not allow; it was read anyway']
    : [];
  if (ob3.length === 0) return { version: '2.0', payload, warnings };
  if (chunk.type !== 'iTXt')
    warnings.push(
      'The credential is stored in an older kind of text block than the standard asks for; it was read anyway',
    );
  return { ...readCredential(payload), warnings };
}

function decodeTextChunk(chunk: PngChunk): { text: string; isCompressed: boolean } {
  const { data } = chunk;
  const afterKeyword = data.indexOf(0) + 1;
  if (chunk.type === 'tEXt') return { text: decodeLegacy(data.subarray(afterKeyword)), isCompressed: false };
  if (chunk.type === 'zTXt') {
    if (data[afterKeyword] !== 0) throw corrupt();
    return { text: decodeLegacy(inflate(data.subarray(afterKeyword + 1))), isCompressed: true };
  }
  const flag = data[afterKeyword];
  const method = data[afterKeyword + 1];
  const languageEnd = data.indexOf(0, afterKeyword + 2);
  const translatedEnd = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1);
  if (translatedEnd < 0 || (flag !== 0 && flag !== 1) || method !== 0) throw corrupt();
  const raw = data.subarray(translatedEnd + 1);
  return { text: decodeUtf8(flag === 1 ? inflate(raw) : raw), isCompressed: flag === 1 };
}

/** tEXt is Latin-1 by the PNG spec, but early bakers wrote UTF-8 JSON into it. */
function decodeLegacy(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UnbakeError('The badge data in this image is not valid text');
  }
}

function inflate(bytes: Uint8Array): Uint8Array {
  try {
    return inflateSync(bytes, { maxOutputLength: MAX_INFLATED_BYTES });
  } catch {
    throw corrupt();
  }
}

function corrupt(): UnbakeError {
  return new UnbakeError('The badge data in this image is damaged');
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
