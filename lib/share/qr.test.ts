import { XMLParser, XMLValidator } from 'fast-xml-parser';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { qrCodeSvg } from './qr';

const url = 'https://laurel.test/badges/aw_1?ref=qr&name=Zoë';
const PX_PER_MODULE = 8;
const MARGIN = 2;

describe('qrCodeSvg', () => {
  it('is an accessible SVG image titled with the escaped URL', async () => {
    const svg = await qrCodeSvg(url);
    expect(svg.startsWith('<svg role="img" ')).toBe(true);
    expect(svg).toContain('<title>QR code for https://laurel.test/badges/aw_1?ref=qr&amp;name=Zoë</title>');
    expect(XMLValidator.validate(svg)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, htmlEntities: true }).parse(svg);
    expect(doc.svg['@_role']).toBe('img');
    expect(doc.svg.title).toBe(`QR code for ${url}`);
  });

  it('renders to a PNG whose dark and light modules match the QR symbol for the URL', async () => {
    const svg = await qrCodeSvg(url);
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
    const side = modules.size + 2 * MARGIN;
    const { data, info } = await sharp(Buffer.from(svg), { density: 72 * PX_PER_MODULE })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(info).toMatchObject({ width: side * PX_PER_MODULE, height: side * PX_PER_MODULE });

    const isDarkAt = (row: number, col: number) => {
      const centre = (n: number) => Math.floor((n + 0.5) * PX_PER_MODULE);
      const value = data[(centre(row) * info.width + centre(col)) * info.channels];
      return value !== undefined && value < 128;
    };
    let mismatches = 0;
    for (let row = 0; row < side; row++) {
      for (let col = 0; col < side; col++) {
        const inSymbol = row >= MARGIN && col >= MARGIN && row < side - MARGIN && col < side - MARGIN;
        const expected = inSymbol && Boolean(modules.get(row - MARGIN, col - MARGIN));
        if (isDarkAt(row, col) !== expected) mismatches++;
      }
    }
    expect(mismatches).toBe(0);
  });
});
