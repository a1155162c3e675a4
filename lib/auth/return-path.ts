import { getConfig } from '@/lib/config';

/**
 * A redirect target the visitor may choose (callbackUrl, next): only a path on our own origin.
 * It is resolved with the URL parser, as a browser would resolve it, so tabs, newlines,
 * backslashes and `//host` tricks that leave the site are caught; the result is the parser's
 * percent-encoded path, so non-ASCII text cannot break the Location header. Anything else is
 * `fallback`.
 */
export function safeReturnPath(value: unknown, fallback = '/wallet', appUrl = getConfig().appUrl): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return fallback;
  let url: URL;
  try {
    url = new URL(value, appUrl);
  } catch {
    return fallback;
  }
  if (url.origin !== new URL(appUrl).origin) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
