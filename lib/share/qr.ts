import QRCode from 'qrcode';
import { escapeHtml } from './snippets';

/** An SVG QR code for `url`, named for screen readers by its <title>. */
export async function qrCodeSvg(url: string): Promise<string> {
  const svg = (await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })).trim();
  const startTagEnd = svg.indexOf('>');
  if (!svg.startsWith('<svg ') || startTagEnd === -1)
    throw new Error('qrcode returned something other than SVG');
  const startTag = svg.slice(0, startTagEnd).replace('<svg ', '<svg role="img" ');
  return `${startTag}><title>QR code for ${escapeHtml(url)}</title>${svg.slice(startTagEnd + 1)}`;
}
