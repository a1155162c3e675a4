import 'server-only';
import sharp from 'sharp';
import { AppError } from '@/lib/errors';
import { findSvgRoot } from '@/lib/openbadges/bake/svg-scan';
import { runInWorker } from '@/lib/sandbox/run-in-worker';

export const TEMPLATE_IMAGE_MAX_BYTES = 2 * 1024 * 1024;
export const TEMPLATE_IMAGE_MIN_SIZE = 300;
// A 2 MB PNG can still claim enormous dimensions; refuse those before decoding them.
const MAX_INPUT_PIXELS = 40_000_000;

export type TemplateImage = { contentType: 'image/png' | 'image/svg+xml'; bytes: Uint8Array };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const invalid = (message: string) => new AppError('invalid', message, { fieldErrors: { image: [message] } });

// The sanitiser parses the whole upload into a DOM: a worker with its own budget keeps a crafted
// file from stalling the server.
const sanitiseLimits = {
  timeoutMs: 5_000,
  memoryMb: 384,
  tooComplex: () => invalid('The SVG image is too complex to check; simplify it and try again.'),
  rebuild: ({ message }: { message: string }) => invalid(message),
};

function sniff(bytes: Uint8Array): TemplateImage['contentType'] | null {
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'image/png';
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096));
  // Only the start is decoded: findSvgRoot needs the root start tag, which comes early in any real SVG.
  return findSvgRoot(text) ? 'image/svg+xml' : null;
}

async function dimensionsOf(bytes: Uint8Array, type: TemplateImage['contentType']) {
  try {
    // failOn 'error' decodes enough of a PNG to notice truncation; an SVG is parsed by librsvg.
    const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
    const { width, height } = await image.metadata();
    if (type === 'image/png') await image.stats();
    if (!width || !height) throw new Error('no size');
    return { width, height };
  } catch {
    throw invalid(
      type === 'image/svg+xml'
        ? 'The SVG image could not be drawn: give the <svg> element a width and height or a viewBox.'
        : 'The PNG image could not be read; it may be damaged or too large in pixels.',
    );
  }
}

/**
 * Checks a badge template image: a PNG or SVG by its content (never a declared type), at most
 * 2 MB, square and at least 300×300. An SVG comes back sanitised — no script, event handlers,
 * foreignObject or external references — and that is the version to store.
 */
export async function validateTemplateImage(input: Uint8Array): Promise<TemplateImage> {
  if (input.byteLength === 0) throw invalid('The image is empty.');
  if (input.byteLength > TEMPLATE_IMAGE_MAX_BYTES) {
    const mb = (input.byteLength / 1024 / 1024).toFixed(1);
    throw invalid(`The image must be at most 2 MB; this one is ${mb} MB.`);
  }
  const type = sniff(input);
  if (!type) throw invalid('The image must be a PNG or an SVG.');
  let bytes = input;
  if (type === 'image/svg+xml') {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(input);
    const result = await runInWorker({ task: 'sanitise-svg', svg: text }, sanitiseLimits);
    if (!result.ok) throw invalid(result.reason);
    bytes = new TextEncoder().encode(result.svg);
  }
  const { width, height } = await dimensionsOf(bytes, type);
  if (width !== height) throw invalid(`The image must be square; this one is ${width}×${height}.`);
  if (width < TEMPLATE_IMAGE_MIN_SIZE) {
    throw invalid(
      `The image must be at least ${TEMPLATE_IMAGE_MIN_SIZE}×${TEMPLATE_IMAGE_MIN_SIZE}; this one is ${width}×${height}.`,
    );
  }
  return { contentType: type, bytes };
}
