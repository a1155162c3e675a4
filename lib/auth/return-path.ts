import { getConfig } from '@/lib/config';

/**
 * A redirect target the visitor may choose (callbackUrl, next): only a path on our own origin.
 * Targets we build are percent-encoded ASCII, so raw controls, spaces and non-ASCII text are
 * refused outright (a browser drops a tab or newline and reads `/\t/evil.example` as
 * `//evil.example`; non-ASCII breaks the Location header). The rest is resolved with the URL
 * parser, as a browser would, and must keep APP_URL's origin, which catches `//host`, `/\host`
 * and absolute URLs. Anything else is `fallback`.
 */
export function safeReturnPath(value: unknown, fallback = '/wallet', appUrl = getConfig().appUrl): string {
  if (typeof value !== 'string' || !value.startsWith('/') || !/^[\x21-\x7e]+$/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, appUrl);
  } catch {
    return fallback;
  }
  if (url.origin !== new URL(appUrl).origin) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
