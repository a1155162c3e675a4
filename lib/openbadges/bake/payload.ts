/** What a baked image carries, told apart by Open Badges version and, for 3.0, by form. */
import { UnbakeError } from './errors';

/** An Open Badges 3.0 credential: its JSON text exactly as baked, or a compact VC-JWT. */
export type Ob3Payload = { version: '3.0'; credential: string } | { version: '3.0'; jwt: string };

/** An Open Badges 2.0 assertion: its JSON, or the JWS / hosted URL when that is all the image holds. */
export type Ob2Payload = { version: '2.0'; payload: string };

export type BadgePayload = Ob2Payload | Ob3Payload;

/** Three base64url parts; an SD-JWT's `~`-separated disclosures may follow. */
const COMPACT_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*(~[A-Za-z0-9_.~-]*)?$/;

/**
 * Tells a 3.0 credential's JSON from its VC-JWT form. JSON must parse to an object; anything that is
 * neither yields undefined, so bakers and unbakers can each say what is wrong in their own words.
 */
export function classifyCredential(text: string): Ob3Payload | undefined {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        return { version: '3.0', credential: trimmed };
      }
    } catch {}
    return undefined;
  }
  return COMPACT_JWT.test(trimmed) ? { version: '3.0', jwt: trimmed } : undefined;
}

/** The 3.0 credential found in an image, or an UnbakeError saying why it cannot be one. */
export function readCredential(text: string): Ob3Payload {
  if (text.trim() === '') throw new UnbakeError('The credential inside this image is empty');
  const payload = classifyCredential(text);
  if (!payload) {
    throw new UnbakeError(
      'The Open Badges 3.0 credential inside this image is damaged (it is neither valid JSON nor a JWT)',
    );
  }
  return payload;
}
