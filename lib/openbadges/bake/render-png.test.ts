import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { BakeError } from './errors';
import { bakePng, readPngBadge } from './png';
import { renderSvgToPng } from './render-png';
import { assertion } from './test-images';

const svg = (attributes: string, body = '<rect width="16" height="16" fill="#00aa00"/>') =>
  new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg" ${attributes}>${body}</svg>`);

async function centrePixel(png: Uint8Array) {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const at = (Math.floor(info.height / 2) * info.width + Math.floor(info.width / 2)) * info.channels;
  return { info, pixel: [...data.subarray(at, at + info.channels)] };
}

describe('renderSvgToPng', () => {
  it('draws a small template at the requested size, ready to bake', async () => {
    const png = await renderSvgToPng(svg('viewBox="0 0 16 16"'));
    const { info, pixel } = await centrePixel(png);
    expect(info).toMatchObject({ format: 'raw', width: 512, height: 512 });
    expect(pixel).toEqual([0, 170, 0, 255]);
    expect(readPngBadge(bakePng(png, assertion))).toMatchObject({ payload: assertion });
  });

  it('scales a template that declares a huge size down instead of drawing it full size', async () => {
    const png = await renderSvgToPng(svg('width="100000" height="50000" viewBox="0 0 16 8"'), 256);
    const { info, pixel } = await centrePixel(png);
    expect(info).toMatchObject({ width: 256, height: 256 });
    expect(pixel).toEqual([0, 170, 0, 255]);
  });

  it('loads nothing from outside the SVG', async () => {
    let requests = 0;
    const server = http.createServer((_request, response) => {
      requests++;
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const body = `<image href="${origin}/a.png" width="16" height="16"/><use href="${origin}/b.svg#x"/>
        <style>@import url(${origin}/c.css); rect { fill: url(${origin}/d.svg#g) }</style><rect width="4" height="4"/>`;
      await renderSvgToPng(svg('viewBox="0 0 16 16"', body), 64);
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });

  it('reports SVGs it cannot draw', async () => {
    await expect(renderSvgToPng(new TextEncoder().encode('<svg><g></svg>'))).rejects.toThrow(BakeError);
    await expect(renderSvgToPng(svg('viewBox="0 0 16 16"'), 0)).rejects.toThrow(RangeError);
  });
});
