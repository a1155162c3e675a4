import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { fetchFailure } from './resolve-target';
import { FetchError } from './types';

/** `1048576` → `1 MB`, `1500` → `1.5 KB`: limits as people read them. */
export function formatBytes(bytes: number): string {
  const units: [number, string][] = [
    [1024 * 1024, 'MB'],
    [1024, 'KB'],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}

function decoderFor(encoding: string): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | undefined {
  if (encoding === 'gzip' || encoding === 'x-gzip') return zlib.createGunzip();
  if (encoding === 'deflate') return zlib.createInflate();
  if (encoding === 'br') return zlib.createBrotliDecompress();
  return undefined;
}

/** The response body as sent, decoded from each content-coding in reverse order of application. */
function decodedStream(url: string, response: IncomingMessage): Readable {
  const encodings = (response.headers['content-encoding'] ?? '')
    .split(',')
    .map((value) => value.trim().toLowerCase())
    .filter((value) => value !== '' && value !== 'identity')
    .reverse();
  let stream: Readable = response;
  for (const encoding of encodings) {
    const decoder = decoderFor(encoding);
    if (!decoder) throw fetchFailure(url, `the server used an unsupported content encoding (${encoding})`);
    stream.on('error', (error) => decoder.destroy(error));
    stream = stream.pipe(decoder);
  }
  return stream;
}

/**
 * Reads a response body, refusing it as soon as more than `maxBytes` have arrived. The limit
 * counts decoded bytes, so a small compressed body cannot expand past it; a declared
 * Content-Length over the limit is refused before reading anything.
 */
export async function readBody(
  url: string,
  response: IncomingMessage,
  maxBytes: number,
): Promise<Uint8Array> {
  const tooLarge = () => fetchFailure(url, `the response is larger than ${formatBytes(maxBytes)}`);
  const declared = Number(response.headers['content-length']);
  const isEncoded = Boolean(response.headers['content-encoding']);
  if (!isEncoded && Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw tooLarge();
  }
  let stream: Readable = response;
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    stream = decodedStream(url, response);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) throw tooLarge();
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    throw fetchFailure(url, 'the response could not be read completely', { unreachable: true });
  } finally {
    response.destroy();
    stream.destroy();
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}
