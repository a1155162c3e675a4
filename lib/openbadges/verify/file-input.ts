import { isAppError } from '@/lib/errors';
import type { Unbaked } from '@/lib/openbadges/bake/unbake';
import { unbakeIsolated } from '@/lib/openbadges/bake/unbake-isolated';
import { stop, type VerifyContext } from './context';
import { readPayload, verifyPayload } from './input';

/**
 * A baked PNG or SVG: the badge inside is read out and verified like pasted data, except that a
 * hosted badge found in the image must also match the issuer's copy ('baked-match').
 */
export async function verifyFile(ctx: VerifyContext, bytes: Uint8Array, _filename?: string): Promise<void> {
  let unbaked: Unbaked;
  try {
    unbaked = await unbakeIsolated(bytes);
  } catch (error) {
    // Unreadable, too complex, or the image workers are busy: all told to the visitor, none a crash.
    if (isAppError(error)) stop(ctx, 'input', 'No badge could be read from the file', error.message);
    throw error;
  }
  for (const warning of unbaked.warnings) {
    ctx.checks.warn('baked-file', 'The image file has a problem', warning);
  }
  const format = unbaked.format.toUpperCase();
  if (unbaked.version === '3.0') {
    ctx.checks.pass(
      'baked-file',
      `Credential found in the ${format} image`,
      'The image carries an Open Badges 3.0 credential, which carries its own proof.',
    );
    const text = 'credential' in unbaked ? unbaked.credential : unbaked.jwt;
    return verifyPayload(ctx, readPayload(ctx, text, 'The credential in the image'));
  }
  ctx.checks.pass('baked-file', `Badge found in the ${format} image`, `The image carries Open Badges data.`);
  return verifyPayload(ctx, readPayload(ctx, unbaked.payload, 'The data in the image'), true);
}
