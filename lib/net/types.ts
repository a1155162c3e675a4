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

/**
 * A fetch that failed, with a message fit for users. `unreachable` says the host could not be
 * reached (down, slow, broken TLS, cut off): what was asked for may be fine, try again later.
 * Otherwise the fetch was refused (a private address, too large, too many redirects).
 */
export class FetchError extends Error {
  override name = 'FetchError';
  readonly unreachable: boolean;

  constructor(message: string, options: { unreachable?: boolean } = {}) {
    super(message);
    this.unreachable = options.unreachable ?? false;
  }
}

/** A FetchError for a host that could not be reached. */
export function unreachableError(message: string): FetchError {
  return new FetchError(message, { unreachable: true });
}
