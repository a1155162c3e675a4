import { UnbakeError } from './errors';
import type { BadgePayload } from './payload';
import { readPngBadge } from './png';
import { hasPngSignature } from './png-chunks';
import { readSvgBadge } from './svg';
import { findSvgRoot } from './svg-scan';

export { UnbakeError } from './errors';
export type { BadgePayload, Ob2Payload, Ob3Payload } from './payload';

/**
 * What an image carried, by version:
 * - `{ version: '2.0', payload }`: the assertion JSON, or the JWS / hosted URL when that is all it holds;
 * - `{ version: '3.0', credential }`: the credential's JSON text as baked (it parses to an object);
 * - `{ version: '3.0', jwt }`: the credential as a compact VC-JWT.
 */
export type Unbaked = BadgePayload & {
  format: 'png' | 'svg';
  warnings: string[];
};

/**
 * Reads the Open Badges 2.0 or 3.0 payload out of an uploaded image. The bytes decide the format, never
 * the filename: people rename files, and a badge saved as `.txt` is still a badge.
 */
export function unbake(bytes: Uint8Array, _filename?: string): Unbaked {
  if (hasPngSignature(bytes)) return { format: 'png', ...readPngBadge(bytes) };
  const text = new TextDecoder('utf-8').decode(bytes);
  if (!bytes.includes(0) && findSvgRoot(text)) {
    const badge = readSvgBadge(text);
    if (badge.version === '3.0') return { format: 'svg', ...badge, warnings: [] };
    const payload = badge.json ?? badge.verify;
    if (payload) return { format: 'svg', version: '2.0', payload, warnings: [] };
  }
  throw new UnbakeError('This file is not a PNG or SVG image');
}
