import { problem } from '@/lib/api/problem';
import type { StoredCredential } from './credentials';
import { JWT_ALGORITHMS, type JwtAlgorithm } from './signer';

export const VC_JSON_LD = 'application/vc+ld+json';
export const VC_JWT = 'application/vc+jwt';

/** The media types a hosted credential is offered in; a JSON type gets the JSON-LD credential. */
const OFFERED: Record<string, 'json' | 'jwt'> = {
  [VC_JSON_LD]: 'json',
  'application/ld+json': 'json',
  'application/json': 'json',
  [VC_JWT]: 'jwt',
};

/**
 * Which form the Accept header asks for: the offered type with the highest q (the JSON-LD
 * credential first among equals, and for `*\/*`, `application/*` or no header); null when
 * nothing offered is acceptable.
 */
export function negotiateCredential(accept: string | null): 'json' | 'jwt' | null {
  if (!accept?.trim()) return 'json';
  let best: { form: 'json' | 'jwt'; q: number } | null = null;
  for (const part of accept.slice(0, 1000).split(',')) {
    const [rawType, ...params] = part.split(';');
    const type = rawType?.trim().toLowerCase() ?? '';
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const form = type === '*/*' || type === 'application/*' ? 'json' : OFFERED[type];
    if (!form) continue;
    if (!best || q > best.q) best = { form, q };
  }
  return best?.form ?? null;
}

const COMMON_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Cache-Control': 'no-cache',
  Vary: 'Accept',
};

const isJwtAlgorithm = (value: string | undefined): value is JwtAlgorithm =>
  JWT_ALGORITHMS.some((alg) => alg === value);

/**
 * Which VC-JWT the hosted URL's `?alg=` asks for (JOSE names, case as JOSE spells them): RS256,
 * OB 3.0's required minimum, when there is none; an error message for anything else, a repeated
 * or empty one included.
 */
export function requestedJwtAlgorithm(url: string): { alg: JwtAlgorithm } | { error: string } {
  const asked = new URL(url).searchParams.getAll('alg');
  if (asked.length === 0) return { alg: 'RS256' };
  const [alg] = asked;
  if (asked.length === 1 && isJwtAlgorithm(alg)) return { alg };
  const given = asked.length === 1 ? `alg=${JSON.stringify((alg ?? '').slice(0, 40))}` : 'more than one alg';
  return {
    error: `The VC-JWT is offered signed with RS256 (the default) or EdDSA: use ?alg=RS256 or ?alg=EdDSA, not ${given}.`,
  };
}

const withCommonHeaders = (response: Response) => {
  for (const [name, value] of Object.entries(COMMON_HEADERS)) response.headers.set(name, value);
  return response;
};

/**
 * The hosted credential in the negotiated form: JSON-LD, or the VC-JWT signed with `?alg=` (RS256
 * unless EdDSA is asked for; the JSON-LD form always carries its eddsa-rdfc-2022 proof). 400 for
 * an unknown alg, 406 when no form is acceptable.
 */
export function credentialResponse(request: Request, credential: StoredCredential): Response {
  const asked = requestedJwtAlgorithm(request.url);
  if ('error' in asked) return withCommonHeaders(problem({ status: 400, detail: asked.error }));
  const form = negotiateCredential(request.headers.get('accept'));
  if (form === 'jwt') {
    return new Response(credential.jwt[asked.alg], {
      headers: { ...COMMON_HEADERS, 'Content-Type': VC_JWT },
    });
  }
  if (form === 'json') {
    return new Response(JSON.stringify(credential.json, null, 2), {
      headers: { ...COMMON_HEADERS, 'Content-Type': `${VC_JSON_LD}; charset=utf-8` },
    });
  }
  return withCommonHeaders(
    problem({
      status: 406,
      detail: `This credential is offered as ${VC_JSON_LD} (or JSON) and ${VC_JWT} (RS256, or EdDSA with ?alg=EdDSA).`,
    }),
  );
}

/** The same 404 for unknown, pending, declined and private awards and unknown issuers. */
export function ob3NotFound(detail = 'There is no public credential at this address.'): Response {
  const response = problem({ status: 404, detail });
  response.headers.set('Access-Control-Allow-Origin', '*');
  return response;
}

/**
 * A DID document (`application/did+json`) or key document (JSON): readable from any origin,
 * briefly cached (keys rarely change).
 */
export function didResponse(document: unknown, contentType = 'application/did+json'): Response {
  return new Response(JSON.stringify(document, null, 2), {
    headers: {
      'Content-Type': contentType,
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'public, max-age=60',
    },
  });
}
