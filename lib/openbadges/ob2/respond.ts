import { problem } from '@/lib/api/problem';

/**
 * An Open Badges document as JSON-LD, or plain JSON for clients that accept only that. Open to
 * any origin so browser-based verifiers can read it; not cached, so a revocation shows at once.
 */
export function ob2Response(request: Request, document: unknown, status = 200): Response {
  const accept = request.headers.get('accept') ?? '';
  const wantsPlainJson = accept.includes('application/json') && !accept.includes('application/ld+json');
  return new Response(JSON.stringify(document, null, 2), {
    status,
    headers: {
      'Content-Type': wantsPlainJson
        ? 'application/json; charset=utf-8'
        : 'application/ld+json; charset=utf-8',
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'no-cache',
      Vary: 'Accept',
    },
  });
}

export function ob2NotFound(): Response {
  const response = problem({ status: 404, detail: 'There is no public badge document at this address.' });
  response.headers.set('Access-Control-Allow-Origin', '*');
  return response;
}
