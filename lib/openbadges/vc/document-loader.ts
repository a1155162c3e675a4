import * as didKey from '@digitalbazaar/did-method-key';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { CONTEXTS } from './contexts';

/** What jsonld and the Digital Bazaar suites expect a document loader to return. */
export type LoadedDocument = { contextUrl: null; documentUrl: string; document: unknown };
export type DocumentLoader = (url: string) => Promise<LoadedDocument>;

const didKeyDriver = didKey.driver();
didKeyDriver.use({ multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from });

/** Thrown for a URL the loader will not resolve; callers turn it into a plain-language check. */
export class UnresolvableDocumentError extends Error {
  override name = 'UnresolvableDocumentError';
  constructor(readonly url: string) {
    super(`${url} is not a context or key Laurel can resolve.`);
  }
}

/**
 * A loader that resolves bundled contexts, did:key documents (derived locally, no network) and
 * the documents in `known` (e.g. an issuer's own DID and key documents); anything else is refused.
 * `extra` may resolve more (a verifier adds did:web and https controller documents through the
 * SSRF-safe fetcher); it is asked only for URLs the offline sources do not have.
 */
export function documentLoader(
  known: ReadonlyMap<string, unknown> = new Map(),
  extra?: (url: string) => Promise<unknown | undefined>,
): DocumentLoader {
  return async (url) => {
    const document =
      CONTEXTS.get(url) ??
      known.get(url) ??
      (url.startsWith('did:key:') ? await didKeyDriver.get({ url }) : await extra?.(url));
    if (document === undefined) throw new UnresolvableDocumentError(url);
    return { contextUrl: null, documentUrl: url, document };
  };
}
