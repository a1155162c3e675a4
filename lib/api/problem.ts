import { AppError, type AppErrorCode } from '@/lib/errors';
import { currentRequestId } from '@/lib/observability/request-context';

const STATUS: Record<AppErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
  idempotency_key_reused: 422,
};

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Content too large',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

type ProblemInput = {
  status: number;
  detail: string;
  errors?: Record<string, string[]>;
  headers?: HeadersInit;
};

/**
 * An RFC 9457 problem+json response; `errors` names each bad field. `requestId` is the request's
 * X-Request-Id (the same value as the response header), so a client reporting a problem can quote
 * it and an operator can find the request's log lines.
 */
export function problem({ status, detail, errors, headers }: ProblemInput): Response {
  const requestId = currentRequestId();
  const body = {
    type: 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...(errors ? { errors: Object.entries(errors).map(([field, messages]) => ({ field, messages })) } : {}),
    ...(requestId ? { requestId } : {}),
  };
  return Response.json(body, { status, headers: { 'Content-Type': 'application/problem+json', ...headers } });
}

export function problemFromAppError(error: AppError): Response {
  const retryAfter = error.details?.retryAfterSeconds;
  return problem({
    status: STATUS[error.code],
    detail: error.message,
    errors: error.details?.fieldErrors,
    headers: retryAfter ? { 'Retry-After': String(retryAfter) } : undefined,
  });
}

/**
 * Runs a public route's work; an AppError it raises (a signing key that cannot be read: 503)
 * becomes problem+json with `headers` added, instead of a bare 500. Anything else is a bug and
 * is rethrown.
 */
export async function answerProblems(
  run: () => Promise<Response>,
  headers: HeadersInit = {},
): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const response = problemFromAppError(error);
    for (const [name, value] of new Headers(headers)) response.headers.set(name, value);
    return response;
  }
}
