import { BakeError } from './errors';
import { bakeCredentialPng } from './png';
import { bakeCredentialSvg } from './svg';
import { svgAroundPng } from './svg-wrap';

export type BakedCredentialFile = { bytes: Uint8Array; contentType: string };

type Image = { bytes: Uint8Array; contentType: string };
type Signed = { json: Record<string, unknown> };

/**
 * The badge image with its Open Badges 3.0 credential baked in, ready to download. The JSON form with its
 * embedded proof is baked into both formats: it is the spec's primary form, and a wallet can read it
 * without resolving a JWT's key. (The VC-JWTs stay downloads of their own.) A PNG is baked as it is;
 * for SVG, an SVG image is baked in place and a PNG image is first wrapped in an SVG.
 */
export function bakedCredentialDownload(
  kind: 'png' | 'svg',
  image: Image,
  signed: Signed,
): BakedCredentialFile {
  if (kind === 'png') {
    if (image.contentType !== 'image/png')
      throw new BakeError('A PNG credential needs the badge image as PNG');
    const bytes = bakeCredentialPng(image.bytes, JSON.stringify(signed.json));
    return { bytes, contentType: 'image/png' };
  }
  let svg: string;
  if (image.contentType === 'image/svg+xml') svg = new TextDecoder().decode(image.bytes);
  else if (image.contentType === 'image/png') svg = svgAroundPng(image.bytes);
  else throw new BakeError('The badge image must be a PNG or an SVG to carry a credential');
  const bytes = new TextEncoder().encode(bakeCredentialSvg(svg, signed.json));
  return { bytes, contentType: 'image/svg+xml' };
}
