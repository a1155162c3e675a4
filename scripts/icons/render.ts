/**
 * Laurel's icons, all drawn from one component (components/layout/laurel-mark.tsx): the SVG
 * favicon, the ICO for clients that only ask /favicon.ico, the Apple touch icon and the web app
 * manifest's icons. Written by `npm run icons`; the files are committed.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import sharp from 'sharp';
import { LaurelMark } from '@/components/layout/laurel-mark';

const BRAND_GREEN = '#166534';

/** The mark as an SVG document: a rounded tile, or a full square (for icons the platform masks itself). */
export function markSvg({ isTile }: { isTile: boolean }): string {
  return `${renderToStaticMarkup(createElement(LaurelMark, { isTile }))}\n`;
}

const png = (svg: string, size: number) =>
  sharp(Buffer.from(svg), { density: 72 * (size / 64) * 2 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();

/**
 * A maskable icon keeps its drawing inside the centre 80 % (the safe zone), on a background that
 * fills the square, so any platform mask (circle, squircle) cuts only background.
 */
async function maskable(size: number) {
  const inner = Math.round(size * 0.8);
  return sharp({ create: { width: size, height: size, channels: 4, background: BRAND_GREEN } })
    .composite([{ input: await png(markSvg({ isTile: true }), inner), gravity: 'center' }])
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** An ICO file holding PNG images (allowed since Windows Vista; every browser reads it). */
function ico(images: { size: number; bytes: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, bytes }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size % 256, 0); // 0 means 256
    entry.writeUInt8(size % 256, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(bytes.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += bytes.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.bytes)]);
}

/** Every icon file, by its path in the repository. */
export async function renderIcons(): Promise<Record<string, Buffer>> {
  const tile = markSvg({ isTile: true });
  const square = markSvg({ isTile: false });
  return {
    'app/icon.svg': Buffer.from(tile),
    'app/favicon.ico': ico([
      { size: 16, bytes: await png(tile, 16) },
      { size: 32, bytes: await png(tile, 32) },
      { size: 48, bytes: await png(tile, 48) },
    ]),
    // iOS rounds the corners itself and shows transparency as black: a full square.
    'app/apple-icon.png': await png(square, 180),
    'public/icons/icon-192.png': await png(tile, 192),
    'public/icons/icon-512.png': await png(tile, 512),
    'public/icons/maskable-512.png': await maskable(512),
  };
}
