import 'server-only';
import { pngPictureOnly } from '@/lib/openbadges/bake/png';
import { renderSvgToPng } from '@/lib/openbadges/bake/render-png';

/** Square pixels of an SVG badge drawn for visitors (shown at 128 CSS pixels, sharp on 2x screens). */
const DRAWN_SIZE = 256;

/**
 * The image visitors of a public imported badge see: the picture without the credential baked in
 * it, which may name the recipient's email in plain text. A PNG keeps only its drawing chunks; an
 * SVG is drawn as PNG (in a child process, time-bounded). Null when there is no image or it could
 * not be drawn: the page then shows a placeholder.
 */
export async function publicImageOf(original: {
  bytes: Uint8Array;
  mediaType: string;
}): Promise<Uint8Array | null> {
  try {
    if (original.mediaType === 'image/png') return pngPictureOnly(original.bytes);
    if (original.mediaType === 'image/svg+xml') return await renderSvgToPng(original.bytes, DRAWN_SIZE);
  } catch {
    // A damaged or too complex image: the placeholder says as much as Laurel can safely show.
  }
  return null;
}
