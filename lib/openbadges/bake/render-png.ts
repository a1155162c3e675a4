import sharp from 'sharp';
import { BakeError } from './errors';

/** Decoding budget: a template's declared size is scaled to the output, so this only stops absurd inputs. */
const MAX_INPUT_PIXELS = 4096 * 4096;
const MAX_SIZE = 2048;

/**
 * Draws an SVG as a square PNG of `size` pixels (aspect ratio kept, transparent margins).
 * librsvg, as bundled with sharp 0.35, loads nothing from outside the SVG: http(s), file and relative
 * references and external entities are ignored (they render as nothing); only `data:` URIs are drawn.
 * The tests pin that down.
 */
export async function renderSvgToPng(svg: Uint8Array, size = 512): Promise<Uint8Array> {
  if (!Number.isInteger(size) || size < 1 || size > MAX_SIZE) {
    throw new RangeError(`size must be an integer from 1 to ${MAX_SIZE}`);
  }
  try {
    // Reading the header renders nothing, so the declared size may be large here; only the render is budgeted.
    const { width, height } = await sharp(svg, { limitInputPixels: false }).metadata();
    if (!width || !height) throw new Error('SVG without a size');
    // Draw at the density that lands near the output size so small templates stay crisp and huge ones cheap.
    const density = Math.min(100_000, Math.max(1, (72 * size) / Math.max(width, height)));
    const png = await sharp(svg, { density, limitInputPixels: MAX_INPUT_PIXELS })
      .resize(size, size, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
      .png()
      .toBuffer();
    return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
  } catch {
    throw new BakeError('This SVG image could not be drawn; check that it opens in a browser');
  }
}
