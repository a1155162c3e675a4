import { UnbakeError } from './errors';
import { readPngBadge } from './png';
import { hasPngSignature } from './png-chunks';
import { readSvgBadge } from './svg';
import { findSvgRoot } from './svg-scan';

export { UnbakeError } from './errors';

export type Unbaked = {
  format: 'png' | 'svg';
  /** The assertion JSON, or the JWS / hosted URL when that is all the image holds. */
  payload: string;
  warnings: string[];
};

/**
 * Reads the Open Badges 2.0 payload out of an uploaded image. The bytes decide the format, never the
 * filename: people rename files, and a badge saved as `.txt` is still a badge.
 */
export function unbake(bytes: Uint8Array, _filename?: string): Unbaked {
  if (hasPngSignature(bytes)) return { format: 'png', ...readPngBadge(bytes) };
  const text = new TextDecoder('utf-8').decode(bytes);
  if (!bytes.includes(0) && findSvgRoot(text)) {
    const { json, verify } = readSvgBadge(text);
    const payload = json ?? verify;
    if (payload) return { format: 'svg', payload, warnings: [] };
  }
  throw new UnbakeError('This file is not a PNG or SVG image');
}
