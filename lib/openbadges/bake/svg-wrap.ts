/**
 * An SVG that shows a PNG badge image at 512×512, so a badge drawn as PNG can still be downloaded as a
 * baked SVG. Both `href` and `xlink:href` are set for older renderers.
 */
export function svgAroundPng(png: Uint8Array): string {
  const data = Buffer.from(png).toString('base64');
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="512" height="512" viewBox="0 0 512 512"><image width="512" height="512" href="data:image/png;base64,${data}" xlink:href="data:image/png;base64,${data}"/></svg>`;
}
