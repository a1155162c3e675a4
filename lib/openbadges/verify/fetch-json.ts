import { FetchError, type FetchedResource } from '@/lib/net/types';
import { stop, stopUnreachable, type VerifyContext } from './context';

export const MAX_DOCUMENT_BYTES = 1024 * 1024;
export const JSON_ACCEPT = 'application/ld+json, application/json';
/** A badge, its class, issuer, key and revocation list are five documents; more means a loop or abuse. */
const MAX_FETCHES = 20;

const statusWords: Record<number, string> = {
  400: 'bad request',
  401: 'a login is required',
  403: 'forbidden',
  404: 'not found',
  410: 'gone',
  429: 'too many requests',
  500: 'server error',
  502: 'bad gateway',
  503: 'unavailable',
};

/**
 * A host that could not be reached (down, slow, broken TLS, cut off) leaves the badge possibly
 * fine, so the check is unknown. Every other FetchError refuses what the badge links to (a
 * private address, too large, too many redirects), which fails the check.
 */
export function isUnreachable(error: FetchError): boolean {
  return error.unreachable;
}

/** Answers that say the host is struggling, not that the document is missing: try again later. */
export function isHostTrouble(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

export function describeStatus(status: number): string {
  const words = statusWords[status];
  return words ? `HTTP ${status} (${words})` : `HTTP ${status}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Fetches `url` through the caller's Fetcher, once per verification. Rejects with a FetchError when
 * the host cannot be reached; stops with a failed check when the badge links to too many documents.
 */
export function fetchResource(ctx: VerifyContext, url: string): Promise<FetchedResource> {
  let pending = ctx.fetched.get(url);
  if (!pending) {
    if (ctx.fetched.size >= MAX_FETCHES) {
      const reason = `The badge links to more than ${MAX_FETCHES} documents; Laurel stopped before fetching ${url}.`;
      stop(ctx, 'fetched', 'The badge links to too many documents', reason);
    }
    pending = ctx.fetch(url, { accept: JSON_ACCEPT, maxBytes: MAX_DOCUMENT_BYTES });
    ctx.fetched.set(url, pending);
  }
  return pending;
}

export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

export type JsonText = { ok: true; value: unknown } | { ok: false; reason: string };

export function parseJson(text: string): JsonText {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : 'it could not be parsed' };
  }
}

/** The body as a JSON object, or a sentence saying why it is not one. */
export function readJsonObject(resource: FetchedResource): Record<string, unknown> | string {
  const text = decodeText(resource.body);
  if (text.trim() === '') return `${resource.finalUrl} answered with nothing.`;
  if (/^\s*</.test(text) || resource.contentType.includes('html')) {
    return `${resource.finalUrl} is a web page, not an Open Badges document.`;
  }
  const parsed = parseJson(text);
  if (!parsed.ok) return `${resource.finalUrl} is not valid JSON (${parsed.reason}).`;
  if (!isRecord(parsed.value)) return `${resource.finalUrl} does not hold a JSON object.`;
  return parsed.value;
}

export type FetchedNode = { node: Record<string, unknown>; resource: FetchedResource };

/**
 * Fetches a linked document (badge class, issuer, key, revocation list) as a JSON object, or
 * stops the verification with a failed check `checkId` saying why it could not be had.
 */
export async function fetchJsonNode(ctx: VerifyContext, url: string, checkId: string, what: string) {
  let resource: FetchedResource;
  try {
    resource = await fetchResource(ctx, url);
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    const label = `${what} could not be fetched`;
    if (isUnreachable(error)) stopUnreachable(ctx, { id: checkId, label }, url, error.message);
    stop(ctx, checkId, label, error.message);
  }
  if (isHostTrouble(resource.status)) {
    const why = `${url} answered with ${describeStatus(resource.status)}; try again later.`;
    stopUnreachable(ctx, { id: checkId, label: `${what} could not be fetched` }, url, why);
  }
  if (resource.status < 200 || resource.status > 299) {
    stop(
      ctx,
      checkId,
      `${what} could not be fetched`,
      `${url} answered with ${describeStatus(resource.status)}.`,
    );
  }
  const node = readJsonObject(resource);
  if (typeof node === 'string') stop(ctx, checkId, `${what} could not be read`, node);
  return { node, resource } satisfies FetchedNode;
}
