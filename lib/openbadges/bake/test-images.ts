import { crc32, deflateSync } from 'node:zlib';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import extractChunks from 'png-chunks-extract';
import sharp from 'sharp';

export const assertion = JSON.stringify({
  '@context': 'https://w3id.org/openbadges/v2',
  type: 'Assertion',
  id: 'https://laurel.test/assertions/1',
  recipient: { type: 'email', hashed: false, identity: 'zoë@example.org' },
  badge: 'https://laurel.test/badges/robotics',
  verification: { type: 'hosted' },
  issuedOn: '2024-05-01T12:00:00Z',
  narrative: 'Built a robot ✓ — and wrote "]]>" in the notes',
});

export async function makePng(): Promise<Uint8Array> {
  const png = await sharp({ create: { width: 8, height: 8, channels: 4, background: '#0a0' } })
    .png()
    .toBuffer();
  return new Uint8Array(png);
}

export function rawChunk(type: string, data: Uint8Array): Uint8Array {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), out.length - 4);
  return out;
}

export function iTXt(keyword: string, text: string, { isCompressed = false } = {}): Uint8Array {
  const body = isCompressed ? deflateSync(Buffer.from(text)) : Buffer.from(text);
  const head = Buffer.from(`${keyword}\0${isCompressed ? '\x01' : '\0'}\0\0\0`, 'latin1');
  return rawChunk('iTXt', Buffer.concat([head, body]));
}

export function tEXt(keyword: string, text: string): Uint8Array {
  return rawChunk('tEXt', Buffer.from(`${keyword}\0${text}`, 'latin1'));
}

/** IHDR is always 25 bytes after the 8-byte signature. */
export function insertAfterIhdr(png: Uint8Array, ...chunks: Uint8Array[]): Uint8Array {
  return Buffer.concat([png.subarray(0, 33), ...chunks, png.subarray(33)]);
}

/** Text chunks as read by an independent parser (png-chunks-extract, which also checks every CRC). */
export function independentTextChunks(png: Uint8Array) {
  return extractChunks(png)
    .filter((chunk) => ['tEXt', 'iTXt', 'zTXt'].includes(chunk.name))
    .map((chunk) => ({ type: chunk.name, data: Buffer.from(chunk.data) }));
}

/** fast-xml-parser's plain object mode, independent of the namespace-aware reader under test. */
export function independentSvgRead(svg: string) {
  if (XMLValidator.validate(svg) !== true) throw new Error('the baked SVG is not valid XML');
  const doc = new XMLParser({ ignoreAttributes: false, cdataPropName: '__cdata' }).parse(svg);
  const element = doc.svg['openbadges:assertion'];
  if (Array.isArray(element)) throw new Error('the baked SVG holds more than one assertion');
  return {
    namespace: doc.svg['@_xmlns:openbadges'],
    verify: element['@_verify'],
    json: [element.__cdata].flat().join(''),
  };
}
