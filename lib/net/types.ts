/** What a guarded outbound fetch returns; `body` is at most the caller's byte limit. */
export type FetchedResource = {
  /** The URL asked for. */
  url: string;
  /** The URL that answered, after any redirects. */
  finalUrl: string;
  redirected: boolean;
  status: number;
  contentType: string;
  /** The answer's Cache-Control header, for callers that keep what they fetched. */
  cacheControl?: string;
  body: Uint8Array;
};

export type FetchOptions = { accept: string; maxBytes: number };

/** Fetches a remote resource; rejects with a FetchError carrying a message fit for users. */
export type Fetcher = (url: string, options: FetchOptions) => Promise<FetchedResource>;

export class FetchError extends Error {
  override name = 'FetchError';
}
