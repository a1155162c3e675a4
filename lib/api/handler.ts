import 'server-only';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import type { Issuer } from '@/db/schema';
import { findApiKey } from '@/lib/api-keys/api-keys';
import { fieldErrorsOf } from '@/lib/awards/award-input';
import { AppError, isAppError } from '@/lib/errors';
import { BODY_LIMITS, isBodyTooLarge, readLimitedBody, tooLargeProblem } from '@/lib/http/read-limited';
import { log } from '@/lib/log';
import { withIdempotency } from './idempotency';
import { problem, problemFromAppError } from './problem';
import { countApiRequest, rateLimitHeaders, rateLimitPerMinute } from './rate-limit';

type Context<P> = { params: Promise<P> };
type IssuerHandler<P> = (input: {
  request: Request;
  issuer: Issuer;
  params: P;
  /** The POST's Idempotency-Key, already validated; null when absent (and on other methods). */
  idempotencyKey: string | null;
}) => Promise<Response>;

async function apiKeyOf(request: Request) {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1])
    throw new AppError('unauthorized', 'Send your issuer API key as "Authorization: Bearer <key>".');
  const found = await findApiKey(await getDb(), match[1]);
  if (!found) throw new AppError('unauthorized', 'This API key is not valid or has been revoked.');
  return found;
}

function errorResponse(error: unknown): Response {
  if (isBodyTooLarge(error)) return tooLargeProblem(error);
  if (isAppError(error)) {
    const response = problemFromAppError(error);
    if (error.code === 'unauthorized') response.headers.set('WWW-Authenticate', 'Bearer');
    return response;
  }
  log.error({ err: error }, 'issuer api: unexpected error');
  return problem({ status: 500, detail: 'Something went wrong on our side. Please retry.' });
}

/**
 * The request with its body read once, through the size limit, into memory: the handler and the
 * idempotency layer then read that copy and never the socket.
 */
async function withLimitedBody(request: Request, limit: number): Promise<Request> {
  if (request.method === 'GET' || request.method === 'HEAD') return request;
  const body = await readLimitedBody(request, limit);
  return new Request(request.url, { method: request.method, headers: request.headers, body });
}

/**
 * A route handler for the issuer API: authenticates the API key, counts the request against the
 * key's per-minute limit (429 with Retry-After past it), reads the body up to `maxBodyBytes` (413
 * past it, 1 MB unless the route says otherwise), runs a POST that carries an
 * Idempotency-Key at most once (lib/api/idempotency.ts), maps AppErrors to problem+json, and turns
 * anything unexpected into a logged 500 without internals.
 */
export function issuerRoute<P = Record<string, never>>(
  handler: IssuerHandler<P>,
  { maxBodyBytes = BODY_LIMITS.api }: { maxBodyBytes?: number } = {},
) {
  return async (sent: Request, context: Context<P>): Promise<Response> => {
    let limitHeaders: Record<string, string> = {};
    let response: Response;
    try {
      const { keyId, issuer } = await apiKeyOf(sent);
      const limit = await countApiRequest(await getDb(), { keyId, limit: rateLimitPerMinute() });
      limitHeaders = rateLimitHeaders(limit);
      if (limit.isLimited) {
        throw new AppError(
          'rate_limited',
          `This API key has made more than ${limit.limit} requests this minute. Retry in ${limit.resetSeconds} seconds.`,
          { retryAfterSeconds: limit.resetSeconds },
        );
      }
      const request = await withLimitedBody(sent, maxBodyBytes);
      const idempotencyKey = request.method === 'POST' ? idempotencyKeyOf(request) : null;
      const params = await context.params;
      // Errors become answers inside the run, so a 4xx can be kept and replayed like a success.
      const run = async () => {
        try {
          return await handler({ request, issuer, params, idempotencyKey });
        } catch (error) {
          return errorResponse(error);
        }
      };
      response = idempotencyKey
        ? await withIdempotency({ db: await getDb(), issuerId: issuer.id, key: idempotencyKey, request, run })
        : await run();
    } catch (error) {
      response = errorResponse(error);
    }
    for (const [name, value] of Object.entries(limitHeaders)) response.headers.set(name, value);
    return response;
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

const invalidFields = (error: z.ZodError, detail = 'Some fields are missing or invalid.') =>
  new AppError('invalid', detail, { fieldErrors: fieldErrorsOf(error) });

/** The body parsed by `schema`, or a 400 naming every bad field. */
export async function parseBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  detail?: string,
): Promise<z.output<S>> {
  const parsed = schema.safeParse(await readJson(request));
  if (!parsed.success) throw invalidFields(parsed.error, detail);
  return parsed.data;
}

/** The query string parsed by `schema` (repeated parameters keep their last value), or a 400. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw invalidFields(parsed.error);
  return parsed.data;
}

/** A path id that is a UUID; anything else is the same 404 as an id that does not exist. */
export function idParam(value: string, notFound: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) {
    throw new AppError('not_found', notFound);
  }
  return value.toLowerCase();
}

/** The Idempotency-Key header (trimmed), null when absent; over 200 characters is a 400. */
export function idempotencyKeyOf(request: Request): string | null {
  const key = request.headers.get('idempotency-key')?.trim() || null;
  if (key && key.length > 200) {
    throw new AppError('invalid', 'Idempotency-Key is too long.', {
      fieldErrors: { 'Idempotency-Key': ['must be at most 200 characters'] },
    });
  }
  return key;
}

/**
 * Marks a response as a replay the domain itself recognised (an award or resend keeps its key past
 * the 24 hours the generic layer remembers); the generic layer marks its own replays.
 */
export const replayHeaders = (isReplay: boolean): Record<string, string> =>
  isReplay ? { 'Idempotent-Replayed': 'true' } : {};
