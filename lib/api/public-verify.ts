import 'server-only';
import { getDb } from '@/db/client';
import { checkRequestLimit, REQUEST_LIMITS } from '@/lib/accounts/request-limits';
import { clientKeyFrom } from '@/lib/auth/client-key';
import { fieldErrorsOf } from '@/lib/awards/award-input';
import { verifyAnyBadge } from '@/lib/badges/verify-award';
import { type Config, getConfig } from '@/lib/config';
import { isBodyTooLarge, readLimitedBody, tooLargeProblem } from '@/lib/http/read-limited';
import { log } from '@/lib/log';
import type { VerificationReport, VerifyInput } from '@/lib/openbadges/verify/types';
import { problem } from './problem';
import { MAX_VERIFY_FILE_BYTES, MAX_VERIFY_TEXT_BYTES, verifyRequestSchema } from './verify-schemas';

/** A public verifier: any origin may call it, without credentials. */
export const PUBLIC_CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
  'Access-Control-Max-Age': '600',
} as const;

/** A multipart upload is the file plus the form's boundaries and headers. */
const MAX_MULTIPART_BYTES = MAX_VERIFY_FILE_BYTES + 64 * 1024;

type Deps = {
  /**
   * Runs the verification; by default the verifier /verify uses, through the SSRF-safe fetcher,
   * with status lists kept across requests for up to a minute (publicStatusListCache).
   */
  verify?: (input: VerifyInput) => Promise<VerificationReport>;
  config?: Pick<Config, 'appUrl' | 'trustedProxyHops' | 'verifyRateLimit'>;
};

class Refusal {
  constructor(readonly response: Response) {}
}

const invalid = (detail: string, field: string, message: string) =>
  new Refusal(problem({ status: 400, detail, errors: { [field]: [message] } }));

/**
 * POST /api/v1/verify: verifies a badge given as JSON (`{url}`, `{json}` or `{jwt}`) or as a
 * multipart upload (`file`, a baked PNG or SVG), and answers the verification report. Limited per
 * client (VERIFY_RATE_LIMIT_PER_10_MINUTES) and per target host for URLs, with the same counters
 * as the /verify page; bodies are read through the size limits; every refusal is problem+json;
 * open to any origin.
 */
export function publicVerifyRoute(deps: Deps = {}) {
  return async (request: Request): Promise<Response> => {
    const response = await answer(request, deps).catch((error: unknown) => {
      if (error instanceof Refusal) return error.response;
      if (isBodyTooLarge(error)) return tooLargeProblem(error);
      log.error({ err: error }, 'verify api: unexpected error');
      return problem({ status: 500, detail: 'Something went wrong on our side. Please retry.' });
    });
    for (const [name, value] of Object.entries(PUBLIC_CORS)) response.headers.set(name, value);
    return response;
  };
}

/** The CORS preflight answer for the public verifier. */
export function publicVerifyPreflight(): Response {
  return new Response(null, { status: 204, headers: PUBLIC_CORS });
}

async function answer(request: Request, deps: Deps): Promise<Response> {
  const config = deps.config ?? getConfig();
  const input = await readInput(request);
  const db = await getDb();
  const outcome = await checkRequestLimit(db, {
    action: 'verifyBadge',
    client: clientKeyFrom(request.headers, config.trustedProxyHops),
    target: input.kind === 'url' ? `host:${new URL(input.url).host}` : undefined,
    clientMax: config.verifyRateLimit,
  });
  if (outcome !== 'ok') {
    const { windowSeconds } = REQUEST_LIMITS.verifyBadge[outcome];
    const retryAfter = windowSeconds - (Math.floor(Date.now() / 1000) % windowSeconds);
    const detail =
      outcome === 'client'
        ? `Too many verifications from your network. Retry in ${retryAfter} seconds.`
        : `Too many verifications of badges on this host. Retry in ${retryAfter} seconds.`;
    return problem({ status: 429, detail, headers: { 'Retry-After': String(retryAfter) } });
  }
  const verify = deps.verify ?? ((i: VerifyInput) => verifyAnyBadge(i, config));
  const report = await verify(input);
  return Response.json(report, { headers: { 'Cache-Control': 'no-store' } });
}

async function readInput(request: Request): Promise<VerifyInput> {
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) return readUpload(request);
  if (!/^application\/([\w.+-]+\+)?json\b/.test(type)) {
    throw new Refusal(
      problem({
        status: 415,
        detail:
          'Send JSON ({"url": …}, {"json": …} or {"jwt": …}) or a multipart/form-data upload with a file.',
      }),
    );
  }
  const text = new TextDecoder().decode(await readLimitedBody(request, MAX_VERIFY_TEXT_BYTES + 4096));
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalid('The request body is not valid JSON.', '(body)', 'must be valid JSON');
  }
  const parsed = verifyRequestSchema.safeParse(body);
  if (!parsed.success) {
    throw new Refusal(
      problem({
        status: 400,
        detail: 'Some fields are missing or invalid.',
        errors: fieldErrorsOf(parsed.error),
      }),
    );
  }
  const { url, json, jwt } = parsed.data;
  if (url !== undefined) return { kind: 'url', url };
  // The verifier tells JSON and a compact JWS apart by itself, as it does for pasted text.
  const pasted = jwt ?? (typeof json === 'string' ? json : JSON.stringify(json));
  if (Buffer.byteLength(pasted) > MAX_VERIFY_TEXT_BYTES) {
    throw invalid(
      'That badge is larger than 1 MB, which no badge needs.',
      jwt ? 'jwt' : 'json',
      'is larger than 1 MB',
    );
  }
  return { kind: 'json', text: pasted };
}

async function readUpload(request: Request): Promise<VerifyInput> {
  const bytes = await readLimitedBody(request, MAX_MULTIPART_BYTES);
  let form: FormData;
  try {
    form = await new Request(request.url, {
      method: 'POST',
      headers: request.headers,
      body: bytes,
    }).formData();
  } catch {
    throw invalid('The upload is not valid multipart/form-data.', '(body)', 'must be multipart/form-data');
  }
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) {
    throw invalid(
      'Upload the badge image as the form field "file".',
      'file',
      'is required: a baked PNG or SVG',
    );
  }
  if (file.size > MAX_VERIFY_FILE_BYTES) {
    throw invalid(
      'That file is larger than 5 MB; badge images are much smaller.',
      'file',
      'is larger than 5 MB',
    );
  }
  return { kind: 'file', bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name };
}
