import type { Fetcher } from '@/lib/net/types';
import { JWS_PATTERN } from '@/lib/openbadges/verify/jws';
import type { VerifyInput } from '@/lib/openbadges/verify/types';

/** What the learner gave: a file's bytes, pasted text, or a web address. */
export type ImportSource =
  | { kind: 'file'; bytes: Uint8Array; fileName?: string }
  | { kind: 'text'; text: string }
  | { kind: 'url'; url: string };

export type Original = { bytes: Uint8Array; mediaType: string; form: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** What the bytes are, from their content (a file's name and declared type are not trusted). */
export function sniff(bytes: Uint8Array): { mediaType: string; form: string } {
  if (PNG_SIGNATURE.every((byte, i) => bytes[i] === byte))
    return { mediaType: 'image/png', form: 'baked PNG' };
  const text = new TextDecoder()
    .decode(bytes)
    .replace(/^\uFEFF/, '')
    .trim();
  if (text.startsWith('<')) return { mediaType: 'image/svg+xml', form: 'baked SVG' };
  if (JWS_PATTERN.test(text)) return { mediaType: 'application/jwt', form: 'JWT' };
  return { mediaType: 'application/json', form: 'JSON' };
}

/** The verifier's input for a source; a text file is read as pasted text. */
export function verifyInputFor(source: ImportSource): VerifyInput {
  if (source.kind === 'url') return { kind: 'url', url: source.url.trim() };
  if (source.kind === 'text') return { kind: 'json', text: source.text };
  const { mediaType } = sniff(source.bytes);
  if (mediaType.startsWith('image/')) return { kind: 'file', bytes: source.bytes, filename: source.fileName };
  return { kind: 'json', text: new TextDecoder().decode(source.bytes) };
}

/**
 * A fetcher that remembers the answer for the address the learner gave: an imported URL's
 * original bytes are what its host served, kept as they came.
 */
export function recordingFetcher(
  fetch: Fetcher,
  url: string,
): { fetch: Fetcher; answer: () => Original | null } {
  let original: Original | null = null;
  const wrapped: Fetcher = async (asked, options) => {
    const resource = await fetch(asked, options);
    if (asked === url && !original) {
      original = { bytes: resource.body, mediaType: sniff(resource.body).mediaType, form: 'hosted URL' };
    }
    return resource;
  };
  return { fetch: wrapped, answer: () => original };
}

/** The original of a file or pasted text (a URL's comes from recordingFetcher). */
export function originalOf(source: Exclude<ImportSource, { kind: 'url' }>): Original {
  const bytes = source.kind === 'file' ? source.bytes : new TextEncoder().encode(source.text.trim());
  return { bytes, ...sniff(bytes) };
}
