import 'server-only';
import { getDb } from '@/db/client';
import type { Issuer } from '@/db/schema';
import { authenticateApiKey } from '@/lib/api-keys/api-keys';
import { AppError, isAppError } from '@/lib/errors';
import { problem, problemFromAppError } from './problem';

type Context<P> = { params: Promise<P> };
type IssuerHandler<P> = (input: { request: Request; issuer: Issuer; params: P }) => Promise<Response>;

async function issuerOf(request: Request): Promise<Issuer> {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1])
    throw new AppError('unauthorized', 'Send your issuer API key as "Authorization: Bearer <key>".');
  const issuer = await authenticateApiKey(await getDb(), match[1]);
  if (!issuer) throw new AppError('unauthorized', 'This API key is not valid or has been revoked.');
  return issuer;
}

/**
 * A route handler for the issuer API: authenticates the API key, maps AppErrors to
 * problem+json, and turns anything unexpected into a logged 500 without internals.
 */
export function issuerRoute<P = Record<string, never>>(handler: IssuerHandler<P>) {
  return async (request: Request, context: Context<P>): Promise<Response> => {
    try {
      const issuer = await issuerOf(request);
      return await handler({ request, issuer, params: await context.params });
    } catch (error) {
      if (isAppError(error)) {
        const response = problemFromAppError(error);
        if (error.code === 'unauthorized') response.headers.set('WWW-Authenticate', 'Bearer');
        return response;
      }
      console.error('[api] unexpected error', error);
      return problem({ status: 500, detail: 'Something went wrong on our side. Please retry.' });
    }
  };
}

/** The JSON body, or a 400 AppError for a body that is not JSON. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError('invalid', 'The request body is not valid JSON.', {
      fieldErrors: { '(body)': ['must be valid JSON'] },
    });
  }
}
