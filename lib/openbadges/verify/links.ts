import type { FetchedResource } from '@/lib/net/types';
import { stop, type VerifyContext } from './context';
import { fetchJsonNode, isRecord } from './fetch-json';
import { isHttpUrl } from './values';

/** A document reached from the badge, with the address it was actually served from. */
export type LinkedNode = {
  node: Record<string, unknown>;
  /**
   * Where the data came from: the final URL of its fetch, or of the document it is embedded in;
   * undefined for data handed to the verifier (pasted, baked or signed).
   */
  source?: string;
  /** Host names that answered for it: the one linked to and, after a redirect, the final one. */
  hosts: string[];
  /** Embedded in another document, so it shares that document's @context. */
  isEmbedded: boolean;
};

export function sameUrl(a: string, b: string): boolean {
  return (URL.parse(a)?.href ?? a) === (URL.parse(b)?.href ?? b);
}

export function hostOf(url: string | undefined): string | undefined {
  return (url && URL.parse(url)?.host.toLowerCase()) || undefined;
}

export function hostsOf(resource: FetchedResource): string[] {
  return [...new Set([hostOf(resource.url), hostOf(resource.finalUrl)].filter((host) => host !== undefined))];
}

/** A warning when `what`, linked as `from`, was served from another address. */
export function warnIfRedirected(ctx: VerifyContext, what: string, resource: FetchedResource): void {
  if (!resource.redirected && sameUrl(resource.url, resource.finalUrl)) return;
  ctx.checks.warn(
    'redirected',
    'Redirected to another address',
    `${what} is linked as ${resource.url} but was served from ${resource.finalUrl}. Badge data should be served from its own address.`,
  );
}

/**
 * Follows a link from a document already trusted: a web address is fetched; an embedded object is
 * fetched from its id when that is a web address (the copy there is the authoritative one), and
 * otherwise taken as embedded.
 */
export async function followLink(
  ctx: VerifyContext,
  ref: unknown,
  parent: LinkedNode,
  check: { id: string; what: string },
): Promise<LinkedNode> {
  const id = typeof ref === 'string' ? ref : isRecord(ref) ? ref.id : undefined;
  if (isHttpUrl(id)) {
    const { node, resource } = await fetchJsonNode(ctx, id, check.id, check.what);
    warnIfRedirected(ctx, check.what, resource);
    return { node, source: resource.finalUrl, hosts: hostsOf(resource), isEmbedded: false };
  }
  if (isRecord(ref)) return { node: ref, source: parent.source, hosts: parent.hosts, isEmbedded: true };
  const shown = typeof ref === 'string' ? ref : JSON.stringify(ref ?? null);
  return stop(
    ctx,
    check.id,
    `${check.what} could not be found`,
    `It is given as ${shown}, which is not a web address.`,
  );
}
